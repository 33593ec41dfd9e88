/**
 * What People in this note shows, from the core's prep model: the people a note names (or, for a person's
 * own note, that person), and for a person note also whom they know and who can introduce you. Pure: no
 * Obsidian; the view reads the note and hands its record in.
 */
import { introPaths, isInTouch, type IntroResult, type Network } from '../../core/network';
import { prepNote, type Prep, type PrepIndex } from '../../core/prep';
import type { CoreSettings, Day, NoteRecord } from '../../core/types';

/** How many intro paths a person note shows. */
export const INTRO_LIMIT = 3;

/** A `knows` entry: the person it leads to, or the name as written when it leads to no person note. */
export interface Known {
  name: string;
  path: string | null;
}

/** What a person note adds to the card: whom they know and who can introduce you. */
export interface SelfModel {
  knows: Known[];
  /** You are in touch with them yourself: no introduction needed. */
  inTouch: boolean;
  /**
   * Who can introduce you (best first), worked out on demand: it walks the network of everyone, which the
   * first time is built from the whole index (seconds at 10,000 people), so the view draws the card first.
   */
  intro(): IntroResult;
}

export interface NotePeopleModel {
  path: string;
  /** The note's name, as the header shows it. */
  name: string;
  prep: Prep;
  /** Set when the note is a person's own. */
  self: SelfModel | null;
}

export interface ModelIndex extends PrepIndex {
  /** The network of the index now (for intro paths); asked only for a person note. */
  network(): Network;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

export function buildModel(record: NoteRecord, index: ModelIndex, today: Day, settings: CoreSettings): NotePeopleModel {
  const prep = prepNote(record, index, today, settings);
  const own = prep.people.length === 1 && prep.people[0]!.source === 'self' ? prep.people[0]!.person : null;
  let self: SelfModel | null = null;
  if (own !== null) {
    const seen = new Set<string>();
    const knows: Known[] = [];
    for (const target of own.knows) {
      const path = index.resolvePerson(target, own.path);
      const key = path ?? target.toLowerCase();
      if (seen.has(key) || path === own.path) continue;
      seen.add(key);
      knows.push({ name: path === null ? target : (index.person(path)?.name ?? basename(path)), path });
    }
    let intro: IntroResult | null = null;
    self = {
      knows,
      inTouch: isInTouch(own, today, settings),
      intro: () => (intro ??= introPaths(index.network().graph(), own.path, today, settings, INTRO_LIMIT)),
    };
  }
  return { path: record.path, name: record.basename, prep, self };
}
