/**
 * The shapes shared by every layer. A NoteRecord is what both adapters (Obsidian's metadataCache and the
 * CLI's file reader) produce; everything after it is pure.
 */

/** A calendar day as an integer: days since 1970-01-01. Same value in every time zone. */
export type Day = number;

/** A link in a note's body, as written (no `.md`, no `#heading`, no `|alias`). */
export interface NoteLink {
  target: string;
  /** 0-based line of the link. */
  line: number;
  /**
   * The task state that governs the link: ' ' when it stands in an open task's item or in any item nested
   * under an open task (format v1.1: such a link is a plan, not a contact); otherwise the state of its own
   * item: 'x' done (any other char counts as done), null when it is not in a task.
   */
  task: string | null;
}

/** A list item in the body, with the heading it stands under. */
export interface ListItem {
  /** 0-based line. */
  line: number;
  /** The item's text without the bullet and without a task checkbox. */
  text: string;
  /** Text of the nearest heading above it (or callout title it stands in), or null. */
  heading: string | null;
  /**
   * The headings whose sections hold the item, outermost first (`# Jan` › `## Log` › `### 2026`), ending
   * with `heading`; items of one section share the array. Absent when it would say no more than `heading`
   * (then it is `[heading]`, or none).
   */
  headings?: readonly string[];
  /** The item's own task state: ' ' open, 'x' done (any other char counts as done), null when not a task. */
  task: string | null;
  /** Index in `listItems` of the item this one is nested under; absent for an item at the top of its list. */
  parent?: number;
}

export interface NoteRecord {
  /** Vault-relative path with forward slashes, e.g. `People/Jan.md`. */
  path: string;
  /** File name without extension. */
  basename: string;
  /**
   * Parsed frontmatter; null when the note has none, when it could not be read (see frontmatterError), or
   * when an adapter skipped it because it cannot make the note a person (the CLI does, for speed).
   */
  frontmatter: Record<string, unknown> | null;
  /** Why the frontmatter could not be read (broken YAML, not a set of keys). */
  frontmatterError?: string;
  /** Tags without `#`, from the body (inline); frontmatter tags are read from `frontmatter.tags`. */
  tags: string[];
  /** Body links (wiki links and markdown links to notes). */
  links: NoteLink[];
  /** List items of the body. Adapters may leave this empty for notes that are not people. */
  listItems: ListItem[];
  /** Problems the adapter met while reading (e.g. non-UTF-8 bytes); they become diagnostics. */
  readWarnings?: { field: string; message: string }[];
  /**
   * Set when the note exists but its file cannot be read (permissions, a link to nothing): why. The index
   * knows its name, so that links to it are not "to no note"; it is no person. The adapter reports it.
   */
  unreadable?: string;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  path: string;
  severity: Severity;
  /** The frontmatter key (canonical spelling), `frontmatter` for the whole block, or `body`. */
  field: string;
  message: string;
}

export type Favour = { day: Day | null; kind: 'gave' | 'got'; text: string };
export type FollowUp = { day: Day; text: string; /** the list entry as written, for write-back */ raw: string };
/** A dated log item: its day and line; `logParts(raw)` reads its channel and text when they are shown. */
export type LogEntry = { day: Day; line: number; raw: string };
export type Birthday = { month: number; day: number; year: number | null };

export const CIRCLES = [5, 15, 50, 150] as const;
export type Circle = (typeof CIRCLES)[number];

export const CHANNELS = ['email', 'phone', 'video', 'in-person', 'chat', 'letter'] as const;
export const INFLUENCES = ['decision-maker', 'influencer', 'gatekeeper', 'confidant', 'connector'] as const;

export interface Person {
  path: string;
  /** The note's basename. */
  name: string;
  aliases: string[];
  /** `last_contact` as written, or null. */
  lastContact: Day | null;
  /** Days between contacts, own or from circle; null when none. */
  cadence: number | null;
  cadenceFromCircle: boolean;
  circle: Circle | null;
  interests: string[];
  favours: Favour[];
  followUps: FollowUp[];
  birthday: Birthday | null;
  /** Link targets as written (`[[Jan]]` → `Jan`). */
  knows: string[];
  introducedBy: string | null;
  organisation: string | null;
  /** True when organisation was written as a link. */
  organisationIsLink: boolean;
  department: string | null;
  role: string | null;
  influence: string[];
  channel: string | null;
  email: string | null;
  phone: string | null;
  snoozeUntil: Day | null;
  archived: boolean;
  /** (v1.1) When you first met or connected (an import sets it); not a contact. */
  met: Day | null;
  /** (v1.1) The person's LinkedIn profile URL; imports match on it. */
  linkedin: string | null;
  /** Tags without `#`, from the frontmatter and the body, each once. */
  tags: string[];
  /** Targets of the links in the note's body, each once (who this note mentions). */
  bodyLinks: string[];
  /** Dated list items under a log heading, newest last as written. */
  log: LogEntry[];
  /** Days of daily notes that mention this person; filled by the index, empty from the parser. */
  mentions: readonly Day[];
  /** Diagnostics found while reading this note (not those that depend on today or on other notes). */
  diagnostics: Diagnostic[];
}

export type Language = 'en' | 'nl';

/** Settings the pure core reads. The plugin's settings extend these. */
export interface CoreSettings {
  /** Folder whose notes are people ('' for none). */
  peopleFolder: string;
  /** Tags that mark a person, without '#'; nested tags count. */
  personTags: string[];
  /** Headings whose dated list items are the interaction log (case-insensitive). */
  logHeadings: string[];
  /** Daily notes that link to a person count as contacts. */
  dailyNotes: boolean;
  /** Days ahead for birthdays (`date` items), today included. */
  horizonDays: number;
  /** Silence, in days, after which a person without cadence is a dormant tie. */
  dormantDays: number;
  /** Cadence in days per Dunbar circle. */
  circleCadence: Record<Circle, number>;
  /** Days of silence within which a person without a cadence still counts as "in touch" for intro paths. */
  inTouchDays: number;
}

export const DEFAULT_CORE_SETTINGS: Readonly<CoreSettings> = Object.freeze({
  peopleFolder: 'People',
  personTags: ['person', 'people'],
  logHeadings: ['Log', 'Interactions'],
  dailyNotes: true,
  horizonDays: 7,
  dormantDays: 365,
  circleCadence: Object.freeze({ 5: 7, 15: 30, 50: 90, 150: 365 }),
  inTouchDays: 180,
});

export type AttentionKind = 'follow-up' | 'overdue' | 'date' | 'favour' | 'dormant';
export const ATTENTION_ORDER: readonly AttentionKind[] = ['follow-up', 'overdue', 'date', 'favour', 'dormant'];

/** Why a person needs attention, as data; `describe` turns it into words. */
export type Reason =
  | { kind: 'follow-up'; day: Day; text: string; raw: string }
  | { kind: 'overdue'; since: number | null; cadence: number }
  | { kind: 'date'; inDays: number; day: Day; age: number | null }
  | { kind: 'favour'; owed: number }
  | { kind: 'dormant'; since: number; contacts: number };

export interface AttentionItem {
  path: string;
  name: string;
  kind: AttentionKind;
  reason: Reason;
  /** The reason in words, e.g. "43 days since last contact · every month". */
  detail: string;
}
