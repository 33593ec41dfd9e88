// The floor for `ties review`: a bare loop that walks the same vault, reads every note and runs
// gray-matter on it, and nothing else. `ties review` should cost at most 1.5× this.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';

const root = process.argv[2];
let notes = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.md')) {
      try {
        matter(readFileSync(full, 'utf8'), {});
      } catch {
        /* broken YAML counts as read */
      }
      notes++;
    }
  }
}
walk(root);
process.stdout.write(`${notes}\n`);
