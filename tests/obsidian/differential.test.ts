/**
 * The same fixture vault (tests/fixtures/vaults/v11) through both adapters: the CLI's reader (files on disk,
 * js-yaml) and the plugin's records (obsidian-test-mocks' metadataCache, bent like Obsidian in shim.ts, and
 * buildRecord). People and diagnostics must agree field by field (format v1.1: "the CLI and the plugin must
 * give the same answer"). The vault holds every date form, every "Made precise in v1.1" case, comments,
 * callouts, setext headings, nested tasks, unclosed frontmatter, one-string lists and CRLF.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVault } from '../../src/cli/read-vault';
import { dayFromParts, formatDay } from '../../src/core/dates';
import { DEFAULT_CORE_SETTINGS, type Diagnostic, type NoteRecord, type Person } from '../../src/core/types';
import { PeopleIndex } from '../../src/index/people-index';
import { appSource, buildRecord } from '../../src/obsidian/records';
import { createApp } from './shim';

const VAULT = join(__dirname, '..', 'fixtures', 'vaults', 'v11');
const TODAY = dayFromParts(2026, 11, 24)!;
const settings = { ...DEFAULT_CORE_SETTINGS };

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.md')) out[relative(dir, join(d, e.name)).split('\\').join('/')] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function pluginRecords(): Promise<NoteRecord[]> {
  const t = createApp(filesOf(VAULT));
  const source = appSource(t.app);
  const records: NoteRecord[] = [];
  for (const file of t.app.vault.getMarkdownFiles()) records.push(await buildRecord(source, file, settings));
  return records;
}

function indexOf(records: NoteRecord[]): PeopleIndex {
  const index = new PeopleIndex(settings);
  index.rebuild(records);
  return index;
}

/**
 * Obsidian does not say why it could not read a YAML block; the CLI names js-yaml's reason and line. The
 * one message that may differ is that one, and both must still call it broken YAML.
 */
function comparable(d: Diagnostic): Diagnostic {
  return d.field === 'frontmatter' && d.message.startsWith('broken YAML') ? { ...d, message: 'broken YAML' } : d;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

describe('the CLI and the plugin read the same vault the same way (v1.1)', () => {
  it('gives the same people, field by field, and the same diagnostics', async () => {
    const cli = indexOf((await readVault(VAULT, settings)).records);
    const plugin = indexOf(await pluginRecords());

    const cliPeople = [...cli.people()].sort(byPath);
    const pluginPeople = [...plugin.people()].sort(byPath);
    expect(pluginPeople.map((p) => p.path)).toEqual(cliPeople.map((p) => p.path));
    for (let i = 0; i < cliPeople.length; i++) {
      const a = cliPeople[i]!, b = pluginPeople[i]!;
      for (const key of Object.keys(a) as (keyof Person)[]) {
        const left = key === 'diagnostics' ? a.diagnostics.map(comparable) : a[key];
        const right = key === 'diagnostics' ? b.diagnostics.map(comparable) : b[key];
        expect(right, `${a.path} ${key}`).toEqual(left);
      }
    }
    expect(plugin.diagnostics(TODAY).map(comparable)).toEqual(cli.diagnostics(TODAY).map(comparable));
  });

  it('reads the cases of the fixture as format v1.1 says (checked once, on the CLI side)', async () => {
    const index = indexOf((await readVault(VAULT, settings)).records);
    const person = (path: string) => index.person(path)!;
    const days = (ds: readonly number[]) => ds.map(formatDay);

    // Dates are the day as written, with or without a time part and zone; impossible dates are errors.
    expect(formatDay(person('People/Dates.md').lastContact!)).toBe('2026-11-20');
    expect(formatDay(person('People/Dates.md').snoozeUntil!)).toBe('2026-11-23');
    expect(person('People/Dates.md').followUps.map((f) => [formatDay(f.day), f.text])).toEqual([
      ['2026-11-21', 'ask how the move went'], ['2026-11-22', 'send the deck'],
    ]);
    const impossible = person('People/Impossible.md');
    expect([impossible.lastContact, impossible.met, impossible.snoozeUntil, impossible.cadence]).toEqual([null, null, null, 30]);
    expect(impossible.diagnostics.map((d) => `${d.severity} ${d.field}`)).toEqual([
      'error last_contact', 'error met', 'error snooze_until', 'error cadence', 'warning log', 'warning log',
    ]);
    expect(days(impossible.log.map((e) => e.day))).toEqual(['2026-11-02']);

    // Ledger lines with time parts, without colons, as YAML maps and bare dates.
    const ledger = person('People/Ledger.md');
    expect(ledger.favours.map((f) => `${formatDay(f.day!)} ${f.kind}: ${f.text}`)).toEqual([
      '2026-03-19 got: a lift to the station', '2026-03-20 gave: a book', '2026-03-21 got: tickets',
      '2026-03-22 got: an introduction',
    ]);
    expect(ledger.followUps.map((f) => `${formatDay(f.day)} ${f.text}`)).toEqual([
      '2026-11-20 ask about the move', '2026-11-21 ', '2026-11-22 call back', '2026-11-23 ring',
    ]);
    expect(ledger.diagnostics.map((d) => d.field)).toEqual(['favours']);

    // One-string lists, and quoted values with control characters escaped.
    const lists = person('People/Lists.md');
    expect(lists.knows).toEqual(['Ben', 'Cas']);
    expect(lists.influence).toEqual(['decision-maker', 'connector', 'boss']);
    expect(lists.introducedBy).toBe('Dag');
    expect(lists.cadence).toBeNull();
    expect(lists.diagnostics.find((d) => d.field === 'channel')!.message).toContain('"pigeon\\u001b]0;pwned\\u0007"');

    // The log: sub-headings, a colon, bold and linked dates, open tasks, callouts, setext headings, comments.
    expect(days(person('People/Ben.md').log.map((e) => e.day))).toEqual(['2026-11-01', '2026-11-10', '2026-11-12', '2026-11-15', '2025-06-01']);
    expect(days(person('People/Benjamin.md').log.map((e) => e.day))).toEqual(['2026-11-05', '2026-10-05']);
    expect(days(person('People/Cas.md').log.map((e) => e.day))).toEqual(['2026-11-03', '2026-11-04']);
    expect(days(person('People/Dag.md').log.map((e) => e.day))).toEqual(['2026-11-08', '2026-11-11']);
    expect(person('People/Dag.md').bodyLinks).toEqual(['Ben', 'Cas', 'Fay']);
    expect(person('People/Dag.md').tags).toEqual([]);

    // Daily notes: links in open tasks (or nested under one) and in comments are no contacts.
    // [[Benny]] on the 22nd: an alias Ben and Benjamin share (warned about), resolved to the shortest path.
    expect(days(person('People/Ben.md').mentions)).toEqual(['2026-11-21', '2026-11-22']);
    expect(days(person('People/Cas.md').mentions)).toEqual(['2026-11-22']);
    expect(days(person('People/Fay.md').mentions)).toEqual(['2026-11-21']);
    for (const p of ['People/Dag.md', 'People/Benjamin.md', 'People/Ledger.md', 'People/Lists.md'])
      expect(person(p).mentions, p).toEqual([]);

    // Unclosed frontmatter: an error, no keys; a tag in a comment makes no person.
    for (const p of ['People/Unclosed.md', 'Notes/Unclosed tagged.md']) {
      expect(person(p).diagnostics[0]).toMatchObject({ severity: 'error', field: 'frontmatter' });
      expect(person(p).cadence).toBeNull();
    }
    expect(days(person('People/Unclosed.md').log.map((e) => e.day))).toEqual(['2026-11-16']);
    expect(index.person('Notes/Comment tag.md')).toBeUndefined();
    expect(index.person('Notes/Tagged.md')).toBeDefined();

    const warnings = index.diagnostics(TODAY).map((d) => `${d.path} ${d.field}`);
    expect(warnings).toEqual(expect.arrayContaining([
      'People/A/Jan.md name', 'People/B/Jan.md name', 'People/Ben.md aliases', 'People/Benjamin.md aliases',
      'People/B/Jan.md aliases', 'People/Impossible.md birthday',
    ]));
  });
});
