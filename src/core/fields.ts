/** Frontmatter keys: their canonical names, and the spellings and synonyms that map to them. */

export const FIELDS = [
  'last_contact', 'cadence', 'circle', 'interests', 'favours', 'follow_ups', 'birthday', 'knows',
  'introduced_by', 'organisation', 'department', 'role', 'influence', 'channel', 'email', 'phone',
  'snooze_until', 'archived', 'aliases', 'met', 'linkedin',
] as const;
export type Field = (typeof FIELDS)[number];

const SYNONYMS: Record<string, Field> = {
  lastcontacted: 'last_contact',
  favors: 'favours',
  organization: 'organisation',
  company: 'organisation',
  alias: 'aliases',
};

/** `lastContact`, `last-contact`, `Last_Contact` → `lastcontact`. */
function squash(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

const BY_SQUASHED = new Map<string, Field>();
for (const f of FIELDS) BY_SQUASHED.set(squash(f), f);
for (const [k, f] of Object.entries(SYNONYMS)) BY_SQUASHED.set(k, f);

/** Keys as written repeat across thousands of notes: remember each spelling's field once. */
const byKey = new Map<string, Field | null>();

/** The canonical field a frontmatter key stands for, or null for keys Ties does not read. */
export function canonicalField(key: string): Field | null {
  let field = byKey.get(key);
  if (field === undefined) {
    field = BY_SQUASHED.get(squash(key)) ?? null;
    if (byKey.size < 10_000) byKey.set(key, field);
  }
  return field;
}

/** The frontmatter key actually used in a note for a field (for writers that must keep the user's spelling). */
export function keyFor(frontmatter: Record<string, unknown>, field: Field): string | null {
  for (const key of Object.keys(frontmatter)) if (canonicalField(key) === field) return key;
  return null;
}
