/**
 * The house rules that a reader of one file cannot see: the import graph of `src/` has no cycle (type-only
 * imports count: they tie files together for a reader as much as any), no view or action imports `main.ts`
 * (main.ts hands them what they need), and a file over 400 lines says at its top why it must be that long.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

const files = sourceFiles(SRC);
const known = new Set(files);
const name = (path: string) => relative(SRC, path);

/** The files of `src/` a file imports: static, type-only, re-exports and dynamic `import()`. */
function importsOf(path: string): string[] {
  const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = resolve(dirname(path), fileName);
    const hit = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => known.has(p));
    if (hit) out.push(hit);
  }
  return out;
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(name(w));
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('the house', () => {
  it('finds the imports it checks (the walk works)', () => {
    const main = graph.get(join(SRC, 'main.ts'))!.map(name);
    expect(main.length).toBeGreaterThan(3);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c'].map((f) => relative(SRC, f))]);
  });

  it('has no import cycle anywhere in src/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('no view or action imports main.ts, not even for a type', () => {
    const main = join(SRC, 'main.ts');
    const offenders = files
      .filter((f) => /^(views|actions)\//.test(name(f)) && graph.get(f)!.includes(main))
      .map(name);
    expect(offenders).toEqual([]);
  });

  it('a file over 400 lines says at its top why it is long', () => {
    const unexplained = files.filter((f) => {
      const lines = readFileSync(f, 'utf8').split('\n');
      return lines.length > 400 && !/\b(long|large)\b/i.test(lines.slice(0, 5).join('\n'));
    });
    expect(unexplained.map(name)).toEqual([]);
  });
});
