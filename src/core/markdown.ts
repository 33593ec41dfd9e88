/**
 * The one reading of Markdown that the reader (scanBody) and the writer (append-log.ts) share: a note's lines
 * → headings (ATX, setext, callout titles) with the sections they open, fenced code, comments, list items
 * with their indent, task state and nesting, and the inline links and tags. One pass, line by line, with no
 * backtracking regex: time grows linearly with the note, whatever its lines hold.
 *
 * Choices where Markdown and Obsidian leave room (README, "Design choices"):
 * - A comment (`%% … %%`, `<!-- … -->`, over lines too) holds nothing: a line that holds only a comment is
 *   skipped; a line that starts inside or with a comment is text that continues what came before, and opens
 *   no heading, list item or code block.
 * - A section runs to the next heading of the same or a higher level; a heading or callout inside a
 *   block quote ends with the quote. A callout's title (`> [!note] Log`, or its type when it has none) is a
 *   heading whose section is the callout.
 */
import { lexInline, scanInline, withoutComments, type OpenComment } from './inline';
import { LineCursor } from './lines';
import {
  atxHeading, calloutTitle, closesFence, isBlank, isThematicBreak, listMarker, opensFence, quoteOf, skipBlanks, width,
} from './md-blocks';
import type { ListItem, NoteLink } from './types';

/** A heading and the section it opens. Callouts have level 0: only the end of their quote ends them. */
export interface Section {
  heading: string;
  level: number;
  /** Block-quote depth of the heading's line. */
  quote: number;
  /** Index in `lines` of the line that makes it a heading (a setext heading's underline). */
  at: number;
}

export type LineKind = 'blank' | 'text' | 'heading' | 'item' | 'break' | 'fence' | 'code' | 'comment';

export interface MdLine {
  start: number;
  /** Where the line's text ends (its line break, or the end of the text). */
  end: number;
  kind: LineKind;
  quote: number;
  /** The list item the line belongs to (its own line, a continuation, code inside it): index in items, or -1. */
  item: number;
  /** The sections that hold the line, outermost first (a heading line is held by its own section). */
  sections: readonly Section[];
  /** The line ends inside a comment or a fenced code block: nothing may be inserted right after it. */
  openAfter: boolean;
}

export interface MdItem {
  /** Index in `lines`. */
  at: number;
  /** 0-based line in the note. */
  line: number;
  /** Indent width of the bullet, after the block-quote markers (a tab counts to the next multiple of 4). */
  indent: number;
  quote: number;
  /** Own task state: ' ' open, another character done or cancelled, null when no task. */
  task: string | null;
  /** The text after the bullet and checkbox, without comments, trimmed. */
  text: string;
  /** The item it is nested under (index in items), or -1. */
  parent: number;
  /** It, or an item it is nested under, is an open task. */
  inOpenTask: boolean;
  sections: readonly Section[];
}

export interface MdDocument {
  /** Every line from the start given (empty unless asked for). */
  lines: MdLine[];
  items: MdItem[];
  links: NoteLink[];
  tags: string[];
  /** What is still open at the end of the text. */
  open: { fence: { char: string; length: number; quote: number } | null; comment: OpenComment };
}

export interface LexOptions {
  /** Offset in `text` where lexing starts (after frontmatter). */
  start?: number;
  /** The 0-based note line of `start`. */
  firstLine?: number;
  /** Keep one MdLine per line (the writer needs them; the reader does not). */
  keepLines?: boolean;
}

const NO_SECTIONS: readonly Section[] = [];

/** Reads the structure of a note's text (or of its body, from `start`). */
export function lexMarkdown(text: string, options: LexOptions = {}): MdDocument {
  return new Lexer(text, options).run();
}

/** The body of a note as a NoteRecord holds it: inline tags, links with the task state that governs them, list items. */
export interface BodyScan {
  tags: string[];
  links: NoteLink[];
  listItems: ListItem[];
}

/**
 * Scans a note body. `firstLine` is the 0-based line of the body's first line in the whole file, so the
 * line numbers returned are lines of the file.
 */
export function scanBody(body: string, firstLine: number): BodyScan {
  const doc = lexMarkdown(body, { firstLine });
  const listItems: ListItem[] = new Array<ListItem>(doc.items.length);
  let sections: readonly Section[] | null = null;
  let headings: readonly string[] = [];
  for (let i = 0; i < doc.items.length; i++) {
    const item = doc.items[i]!;
    if (item.sections !== sections) {
      sections = item.sections;
      headings = sections.length === 0 ? NO_HEADINGS : sections.map((s) => s.heading);
    }
    const listItem: ListItem = { line: item.line, text: item.text, heading: headings.length > 0 ? headings[headings.length - 1]! : null, task: item.task };
    // Only when they tell more than `heading` does: records travel between threads, and most items sit
    // under one heading at the top level of their list.
    if (headings.length > 1) listItem.headings = headings;
    if (item.parent >= 0) listItem.parent = item.parent;
    listItems[i] = listItem;
  }
  return { tags: doc.tags, links: doc.links, listItems };
}

const NO_HEADINGS: readonly string[] = [];

interface Fence {
  char: string;
  length: number;
  quote: number;
  /** The item the code block stands in, or -1. */
  item: number;
}

/** A paragraph that a setext underline may turn into a heading: its lines as (raw, comments, first) triples. */
interface Paragraph {
  quote: number;
  lines: (string | readonly number[] | number)[];
}

/** The text of a paragraph's lines, without comments, joined by spaces (only worked out for a setext heading). */
function paragraphText(p: Paragraph): string {
  const parts: string[] = [];
  for (let i = 0; i < p.lines.length; i += 3) {
    const raw = p.lines[i] as string;
    parts.push(withoutComments(raw, p.lines[i + 1] as readonly number[], p.lines[i + 2] as number, raw.length).trim());
  }
  return parts.join(' ');
}

class Lexer {
  private readonly lines: MdLine[] = [];
  private readonly items: MdItem[] = [];
  private readonly links: NoteLink[] = [];
  private readonly tags: string[] = [];
  private readonly seenTags = new Set<string>();
  private sections: readonly Section[] = NO_SECTIONS;
  /** Open list items, innermost last (indices in items). */
  private readonly stack: number[] = [];
  private blankSince = false;
  private paragraph: Paragraph | null = null;
  private fence: Fence | null = null;
  private comment: OpenComment = null;
  private prevQuote = 0;
  private count = 0;

  constructor(
    private readonly text: string,
    private readonly options: LexOptions,
  ) {}

  run(): MdDocument {
    const text = this.text;
    const cursor = new LineCursor(text);
    const firstLine = this.options.firstLine ?? 0;
    let start = this.options.start ?? 0;
    for (let index = 0; ; index++) {
      const end = cursor.end(start);
      this.line(text.slice(start, end), start, end, firstLine + index);
      if (end >= text.length) break;
      start = cursor.next(end);
    }
    const fence = this.fence;
    return {
      lines: this.lines,
      items: this.items,
      links: this.links,
      tags: this.tags,
      open: { fence: fence && { char: fence.char, length: fence.length, quote: fence.quote }, comment: this.comment },
    };
  }

  private emit(start: number, end: number, kind: LineKind, quote: number, item: number, openAfter: boolean): void {
    if (this.options.keepLines) this.lines.push({ start, end, kind, quote, item, sections: this.sections, openAfter });
    this.count++;
  }

  private line(raw: string, start: number, end: number, lineNo: number): void {
    // Inside a comment that began on an earlier line.
    if (this.comment !== null) {
      const close = raw.indexOf(this.comment);
      if (close < 0) return this.emit(start, end, 'comment', this.prevQuote, -1, true);
      this.comment = null;
      return this.continuation(raw, lexInline(raw, close + (raw.startsWith('%%', close) ? 2 : 3)), start, end, lineNo);
    }

    let quote = 0;
    let contentStart = 0;
    if (raw.charCodeAt(skipBlanks(raw, 0)) === 62) ({ depth: quote, content: contentStart } = quoteOf(raw));
    if (this.fence !== null) {
      if (quote >= this.fence.quote) {
        const inFence = this.fence.item;
        if (closesFence(raw, contentStart, this.fence)) {
          this.fence = null;
          return this.emit(start, end, 'fence', quote, inFence, false);
        }
        return this.emit(start, end, 'code', quote, inFence, true);
      }
      this.fence = null; // the block quote that held the code block ended
    }

    // A fence opens on a line that starts with ``` or ~~~ (no comment can stand before them).
    const rawFirst = skipBlanks(raw, contentStart);
    const rawIndent = width(raw, contentStart, rawFirst);
    const fenceOpen = rawIndent < 4 || this.stack.length > 0 ? opensFence(raw, rawFirst) : null;
    if (fenceOpen) {
      this.leaveQuotes(quote);
      // An indented fence sits inside the list item above it; one at the margin ends the list.
      if (rawIndent === 0) this.stack.length = 0;
      const owner = this.owner(quote);
      this.fence = { char: fenceOpen.char, length: fenceOpen.length, quote, item: owner };
      this.paragraph = null;
      this.blankSince = false;
      this.prevQuote = quote;
      return this.emit(start, end, 'fence', quote, owner, true);
    }

    let masked = raw;
    let b = raw;
    let comments = NO_RANGES;
    if (hasInlineMarks(raw)) {
      const inline = lexInline(raw, 0);
      masked = inline.masked;
      b = inline.blanked;
      comments = inline.comments;
      this.comment = inline.open;
    }
    const openAfter = this.comment !== null;
    const first = comments.length === 0 ? rawFirst : skipBlanks(b, contentStart);
    // A line that holds only a comment is as if it were not there.
    if (first >= b.length && comments.length > 0) return this.emit(start, end, 'comment', quote, -1, openAfter);
    this.leaveQuotes(quote);

    if (first >= b.length) {
      this.blankSince = true;
      this.paragraph = null;
      this.prevQuote = quote;
      return this.emit(start, end, 'blank', quote, -1, false);
    }

    const indent = comments.length === 0 ? rawIndent : width(b, contentStart, first);
    // A line that begins with a comment is text, whatever follows the comment.
    const plain = comments.length > 0 && comments[0] === rawFirst;

    let kind: LineKind = 'text';
    let item = -1;
    const atx = !plain && indent < 4 ? atxHeading(b, first) : null;
    const callout = !plain && atx === null && quote > this.prevQuote ? calloutTitle(b, first) : null;
    const setext = !plain && atx === null && callout === null ? this.setextLevel(b, first, quote, indent) : 0;
    if (atx !== null) {
      this.open(withoutComments(raw, comments, atx.from, atx.to).trim(), atx.level, quote);
      kind = 'heading';
    } else if (callout !== null) {
      this.open(withoutComments(raw, comments, callout.from, callout.to).trim() || callout.type, 0, quote);
      kind = 'heading';
    } else if (setext > 0) {
      this.open(paragraphText(this.paragraph!), setext, quote);
      kind = 'heading';
    } else if (!plain && isThematicBreak(b, first)) {
      kind = 'break';
      this.stack.length = 0;
    } else {
      const marker = plain ? null : listMarker(b, first);
      if (marker !== null) {
        item = this.item(raw, comments, contentStart, first, marker, quote, lineNo, start, end);
        kind = 'item';
      } else {
        item = this.continuing(quote, indent);
        if (item < 0) {
          if (this.paragraph === null || this.paragraph.quote !== quote) this.paragraph = { quote, lines: [] };
          this.paragraph.lines.push(raw, comments, first);
        }
      }
    }
    if (kind !== 'text' || item >= 0) this.paragraph = null;
    this.blankSince = false;
    this.prevQuote = quote;
    if (kind !== 'item') this.emit(start, end, kind, quote, item, openAfter);
    this.inline(raw, masked, lineNo, item);
  }

  /** The rest of a line after a comment that began above closed: text of what came before, never a new block. */
  private continuation(raw: string, inline: ReturnType<typeof lexInline>, start: number, end: number, lineNo: number): void {
    this.comment = inline.open;
    const visible = skipBlanks(inline.blanked, 0) < raw.length;
    const item = visible && this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1;
    this.emit(start, end, visible ? 'text' : 'comment', this.prevQuote, item, inline.open !== null);
    if (visible) this.inline(raw, inline.masked, lineNo, item);
  }

  private inline(raw: string, masked: string, lineNo: number, item: number): void {
    const owner = item >= 0 ? this.items[item]! : null;
    const task = owner === null ? null : owner.inOpenTask ? ' ' : owner.task;
    scanInline(raw, masked, lineNo, task, this.tags, this.seenTags, this.links);
  }

  /** Sections and list items inside block quotes deeper than this line end. */
  private leaveQuotes(quote: number): void {
    // Quote depths never decrease along the chain of sections: the last one tells.
    const last = this.sections.length > 0 ? this.sections[this.sections.length - 1]! : null;
    if (last !== null && last.quote > quote) this.sections = this.sections.filter((s) => s.quote <= quote);
    while (this.stack.length > 0 && this.items[this.stack[this.stack.length - 1]!]!.quote > quote) this.stack.pop();
  }

  /** A heading opens its section: those of the same or a lower level at this quote depth end. */
  private open(heading: string, level: number, quote: number): void {
    // A callout (level 0) keeps only what stands outside its quote; a heading inside one keeps the callout.
    const kept = this.sections.filter((s) => s.quote < quote || (s.quote === quote && s.level < level));
    kept.push({ heading, level, quote, at: this.count });
    this.sections = kept;
    this.stack.length = 0;
  }

  /** `Log` over `===` (level 1) or `---` (level 2), when a paragraph stands right above at this quote depth. */
  private setextLevel(b: string, first: number, quote: number, indent: number): number {
    if (this.paragraph === null || this.paragraph.quote !== quote || indent > 3 || this.blankSince) return 0;
    const c = b.charCodeAt(first);
    if (c !== 61 && c !== 45) return 0;
    let i = first;
    while (b.charCodeAt(i) === c) i++;
    return skipBlanks(b, i) >= b.length ? (c === 61 ? 1 : 2) : 0;
  }

  /** The innermost open item (a quote inside an item is part of it), or -1. */
  private owner(quote: number): number {
    const top = this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1;
    return top >= 0 && this.items[top]!.quote <= quote ? top : -1;
  }

  /**
   * The item a text line continues: the line right below it (lazily, as Markdown allows), or an indented line
   * after blank lines (the items indented as deep or deeper than the line end there). -1 when the list ended.
   */
  private continuing(quote: number, indent: number): number {
    if (this.blankSince) while (this.stack.length > 0 && this.items[this.stack[this.stack.length - 1]!]!.indent >= indent) this.stack.pop();
    const owner = this.owner(quote);
    if (owner < 0) this.stack.length = 0;
    return owner;
  }

  private item(
    raw: string, comments: readonly number[], contentStart: number, first: number, marker: { after: number },
    quote: number, lineNo: number, start: number, end: number,
  ): number {
    const indent = width(raw, contentStart, first);
    while (this.stack.length > 0) {
      const top = this.items[this.stack[this.stack.length - 1]!]!;
      if (top.quote < quote || (top.quote === quote && top.indent < indent)) break;
      this.stack.pop();
    }
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1;
    let from = marker.after;
    let task: string | null = null;
    if (raw.charCodeAt(from) === 91 && raw.charCodeAt(from + 2) === 93 && (from + 3 === raw.length || isBlank(raw.charCodeAt(from + 3)))) {
      task = raw[from + 1]!;
      from += 3;
    }
    const index = this.items.length;
    this.items.push({
      at: this.count, line: lineNo, indent, quote, task,
      text: withoutComments(raw, comments, from, raw.length).trim(), parent,
      inOpenTask: task === ' ' || (parent >= 0 && this.items[parent]!.inOpenTask), sections: this.sections,
    });
    this.stack.push(index);
    this.emit(start, end, 'item', quote, index, this.comment !== null);
    return index;
  }
}

const NO_RANGES: number[] = [];

/** Whether a line may hold a comment or a code span (most lines hold neither). */
function hasInlineMarks(raw: string): boolean {
  return raw.indexOf('`') >= 0 || raw.indexOf('%%') >= 0 || raw.indexOf('<!--') >= 0;
}
