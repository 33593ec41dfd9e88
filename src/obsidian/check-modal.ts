/**
 * "Check person notes": every diagnostic of the index, grouped by note, with a summary line. Clicking a
 * note's name opens it.
 */
import { Modal, setIcon, type App } from 'obsidian';
import { localToday } from '../core/dates';
import type { Diagnostic } from '../core/types';
import { translator, type Translate } from '../i18n/i18n';
import type { PeopleIndex } from '../index/people-index';

const english = translator('en');

function count(t: Translate, n: number, key: 'errors' | 'warnings' | 'notes' | 'personNotes'): string {
  return t(`check.${key}`, { n });
}

/** "3 errors and 5 warnings in 4 notes" / "No problems found in 42 person notes". */
export function summaryText(diagnostics: readonly Diagnostic[], people: number, t: Translate = english): string {
  if (diagnostics.length === 0) return t('check.noProblems', { people: count(t, people, 'personNotes') });
  let errors = 0;
  const notes = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    notes.add(d.path);
  }
  const warnings = diagnostics.length - errors;
  const parts: string[] = [];
  if (errors > 0) parts.push(count(t, errors, 'errors'));
  if (warnings > 0) parts.push(count(t, warnings, 'warnings'));
  const joined = parts.length === 2 ? t('check.and', { a: parts[0]!, b: parts[1]! }) : parts[0]!;
  return t('check.summary', { parts: joined, notes: count(t, notes.size, 'notes') });
}

/** Diagnostics grouped by note (sorted by path), errors before warnings within a note. */
export function groupByNote(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  const sorted = [...diagnostics].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const d of sorted) {
    const list = groups.get(d.path);
    if (list) list.push(d);
    else groups.set(d.path, [d]);
  }
  for (const list of groups.values())
    list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return groups;
}

function noteName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.replace(/\.md$/i, '');
}

export class CheckModal extends Modal {
  constructor(
    app: App,
    private readonly index: PeopleIndex,
    private readonly loading: boolean,
    private readonly t: Translate = english,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText(this.t('check.command'));
    this.render();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private render(): void {
    const el = this.contentEl;
    el.empty();
    el.addClass('ties-check');
    if (this.loading) {
      el.createEl('p', { cls: 'ties-check-summary', text: this.t('check.loading') });
      return;
    }
    const diagnostics = this.index.diagnostics(localToday());
    const people = this.index.people().length;
    const summary = el.createEl('p', { cls: 'ties-check-summary', text: summaryText(diagnostics, people, this.t) });
    if (diagnostics.length === 0) {
      summary.addClass('ties-check-empty');
      return;
    }
    const list = el.createDiv({ cls: 'ties-check-notes' });
    for (const [path, items] of groupByNote(diagnostics)) this.renderNote(list, path, items);
  }

  private renderNote(parent: HTMLElement, path: string, items: Diagnostic[]): void {
    const note = parent.createDiv({ cls: 'ties-check-note' });
    const header = note.createDiv({ cls: 'ties-check-note-header' });
    const link = header.createEl('a', { cls: 'ties-check-note-link', text: noteName(path), href: '#' });
    link.setAttribute('data-path', path);
    link.setAttribute('aria-label', this.t('check.openNote', { name: noteName(path) }));
    link.addEventListener('click', (evt) => {
      evt.preventDefault();
      this.close();
      void this.app.workspace.openLinkText(path, '', false);
    });
    header.createSpan({ cls: 'ties-check-note-path', text: path });

    const rows = note.createDiv({ cls: 'ties-check-rows' });
    for (const d of items) {
      const row = rows.createDiv({ cls: `ties-check-row ties-check-${d.severity}` });
      const severity = row.createSpan({ cls: 'ties-check-severity' });
      setIcon(severity.createSpan({ cls: 'ties-check-icon' }), d.severity === 'error' ? 'alert-circle' : 'alert-triangle');
      severity.createSpan({ cls: 'ties-check-label', text: this.t(d.severity === 'error' ? 'check.error' : 'check.warning') });
      row.createSpan({ cls: 'ties-check-field', text: d.field });
      row.createSpan({ cls: 'ties-check-message', text: d.message });
    }
  }
}
