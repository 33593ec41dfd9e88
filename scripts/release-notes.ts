/**
 * The release notes of one version: its section of CHANGELOG.md, without the heading. The release workflow
 * (.github/workflows/release.yml) runs `tsx scripts/release-notes.ts VERSION`; it exits 1 when CHANGELOG.md has
 * no section for that version, so no release goes out without one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The text under `## [VERSION]` or `## VERSION` up to the next `## `, trimmed; null when there is none. */
export function releaseNotes(changelog: string, version: string): string | null {
  const lines = changelog.split(/\r?\n/);
  const heading = (line: string): string | null => (line.startsWith('## ') ? line.slice(3) : null);
  const start = lines.findIndex((line) => {
    const title = heading(line);
    return title !== null && (title.startsWith(`[${version}]`) || title === version || title.startsWith(`${version} `));
  });
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => heading(line) !== null);
  const notes = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return notes === '' ? null : notes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = process.argv[2];
  if (!version) {
    console.error('usage: tsx scripts/release-notes.ts VERSION');
    process.exit(2);
  }
  const changelog = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'CHANGELOG.md'), 'utf8');
  const notes = releaseNotes(changelog, version);
  if (notes === null) {
    console.error(`CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD" before releasing`);
    process.exit(1);
  }
  console.log(notes);
}
