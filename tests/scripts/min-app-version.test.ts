// The minAppVersion check (scripts/min-app-version.ts) on small sources compiled in memory against the real
// obsidian.d.ts: which uses it finds, which it calls guarded, and when it fails.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compareVersions, findApiUses, judge, type ApiUse } from '../../scripts/min-app-version';

const ROOT = join(import.meta.dirname, '../..');
/** Never written: the compiler host serves it from memory, next to the real node_modules. */
const VIRTUAL = join(ROOT, 'virtual-src');

/** obsidian.d.ts and TypeScript's libraries, parsed once for all the programs below. */
const parsed = new Map<string, ts.SourceFile | undefined>();

function usesOf(source: string): ApiUse[] {
  const file = join(VIRTUAL, 'plugin.ts');
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2021.d.ts', 'lib.dom.d.ts'], strict: true, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : cached(name, () => getSourceFile.call(host, name, language, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return findApiUses(program, (f) => f === file, () => 'plugin.ts');
}

function cached(name: string, parse: () => ts.SourceFile | undefined): ts.SourceFile | undefined {
  if (!parsed.has(name)) parsed.set(name, parse());
  return parsed.get(name);
}

const HEADER = `import { AbstractInputSuggest, requireApiVersion, type App, type Plugin, type WorkspaceLeaf } from 'obsidian';
declare const app: App; declare const leaf: WorkspaceLeaf; declare const plugin: Plugin;
`;

const brief = (uses: ApiUse[]): string[] => uses.map((u) => `${u.api} ${u.since ?? '-'}${u.guard ? ` [${u.guard}]` : ''}`);

describe('findApiUses', () => {
  it('resolves a member call to its declaration and @since', () => {
    const uses = usesOf(`${HEADER}void app.vault.process(app.vault.getFiles()[0]!, (t) => t);`);
    expect(brief(uses)).toContain('Vault.process 1.1.0');
    expect(uses.find((u) => u.api === 'Vault.process')).toMatchObject({ file: 'plugin.ts', line: 3, guard: null });
  });

  it('leaves out types, imports and what JavaScript and the DOM have anyway', () => {
    const uses = usesOf(`${HEADER}let s: AbstractInputSuggest<string> | null = null; s = null; Math.max(1, 2); 'a'.startsWith('b'); void s;`);
    expect(uses.map((u) => u.api)).toEqual([]);
  });

  it('counts a class that is extended, with the class’s @since for a member without one', () => {
    const uses = usesOf(`${HEADER}class S extends AbstractInputSuggest<string> {
      protected getSuggestions(): string[] { return []; }
      renderSuggestion(): void { this.setValue('x'); }
    }
    void S;`);
    expect(brief(uses)).toEqual(['AbstractInputSuggest 1.4.10', 'AbstractInputSuggest.setValue 1.4.10']);
  });

  it('reads a key of an object literal as the member of the type Obsidian asks for', () => {
    const uses = usesOf(`${HEADER}plugin.addCommand({ id: 'x', name: 'X', editorCallback: () => undefined });`);
    expect(brief(uses)).toContain('Command.editorCallback 0.12.2');
  });

  it('calls a use inside if (requireApiVersion(X)) guarded only when X is at least its @since', () => {
    const uses = usesOf(`${HEADER}
      if (requireApiVersion('1.7.2')) void app.workspace.revealLeaf(leaf);
      if (requireApiVersion('1.5.0')) void app.workspace.revealLeaf(leaf);`);
    expect(brief(uses.filter((u) => u.api === 'Workspace.revealLeaf'))).toEqual([
      "Workspace.revealLeaf 1.7.2 [requireApiVersion('1.7.2')]",
      'Workspace.revealLeaf 1.7.2',
    ]);
  });

  it('knows the other guards: early return, in, typeof, a presence test, ?.(), the ternary and &&', () => {
    const guards = (body: string): (string | null)[] =>
      usesOf(`${HEADER}async function f(): Promise<void> { ${body} }\nvoid f;`)
        .filter((u) => u.api === 'Workspace.revealLeaf')
        .map((u) => u.guard);
    expect(guards(`if (!requireApiVersion('1.8.0')) return; await app.workspace.revealLeaf(leaf);`)).toEqual([
      "requireApiVersion('1.8.0'), else returned early",
    ]);
    expect(guards(`if ('revealLeaf' in app.workspace) await app.workspace.revealLeaf(leaf);`)).toEqual(["'revealLeaf' in …"]);
    expect(guards(`const w = app.workspace; if (typeof w.revealLeaf === 'function') await w.revealLeaf(leaf);`)).toEqual([
      'the presence test itself',
      'typeof ….revealLeaf',
    ]);
    expect(guards(`const w = app.workspace; await w.revealLeaf?.(leaf);`)).toEqual(['called as ?.()']);
    expect(guards(`const w = app.workspace; if (w.revealLeaf) await w.revealLeaf(leaf);`)).toEqual(['the presence test itself', '….revealLeaf tested first']);
    expect(guards(`await (requireApiVersion('1.7.2') ? app.workspace.revealLeaf(leaf) : undefined);`)).toEqual(["requireApiVersion('1.7.2')"]);
    expect(guards(`await (requireApiVersion('2.0.0') && app.workspace.revealLeaf(leaf));`)).toEqual(["requireApiVersion('2.0.0')"]);
    expect(guards(`if (!requireApiVersion('1.7.2')) console.log('old'); await app.workspace.revealLeaf(leaf);`)).toEqual([null]);
  });
});

describe('judge', () => {
  const use = (api: string, since: string | null, guard: string | null = null, line = 1): ApiUse => ({ api, since, file: 'src/a.ts', line, guard });
  const uses = [use('Vault.process', '1.1.0'), use('FileManager.processFrontMatter', '1.4.4', null, 7), use('Workspace.revealLeaf', '1.7.2', "requireApiVersion('1.7.2')"), use('Plugin.app', null)];

  it('passes when minAppVersion covers the newest unguarded API, and lists the guarded ones apart', () => {
    const verdict = judge(uses, { version: '0.1.0', minAppVersion: '1.4.4' }, { '0.1.0': '1.4.4' });
    expect(verdict.ok).toBe(true);
    expect(verdict.highest).toMatchObject({ api: 'FileManager.processFrontMatter', since: '1.4.4', where: 'src/a.ts:7' });
    expect(verdict.lines.at(-1)).toBe("Highest: FileManager.processFrontMatter needs Obsidian 1.4.4 (src/a.ts:7); manifest.json's minAppVersion 1.4.4 covers it.");
    const guarded = verdict.lines.indexOf('Guarded (used only where the app has them):');
    expect(verdict.lines[guarded + 1]).toContain("Workspace.revealLeaf");
    expect(verdict.lines[guarded + 1]).toContain("[requireApiVersion('1.7.2')]");
  });

  it('fails when minAppVersion is lower, naming the API and where it is used', () => {
    const verdict = judge(uses, { version: '0.1.0', minAppVersion: '1.4.0' }, { '0.1.0': '1.4.0' });
    expect(verdict.ok).toBe(false);
    expect(verdict.lines).toContain(
      "FAIL: FileManager.processFrontMatter needs Obsidian 1.4.4 (src/a.ts:7), but manifest.json's minAppVersion is 1.4.0: raise minAppVersion or guard the call.",
    );
  });

  it('an API used both guarded and unguarded counts as unguarded', () => {
    const verdict = judge([...uses, use('Workspace.revealLeaf', '1.7.2', null, 9)], { version: '0.1.0', minAppVersion: '1.4.4' }, { '0.1.0': '1.4.4' });
    expect(verdict.ok).toBe(false);
    expect(verdict.highest).toMatchObject({ api: 'Workspace.revealLeaf', where: 'src/a.ts:9' });
  });

  it('fails when versions.json does not map this version to minAppVersion', () => {
    const verdict = judge(uses, { version: '0.2.0', minAppVersion: '1.4.4' }, { '0.1.0': '1.4.4' });
    expect(verdict.ok).toBe(false);
    expect(verdict.lines.at(-1)).toBe("FAIL: versions.json maps 0.2.0 to nothing, manifest.json's minAppVersion is 1.4.4.");
  });

  it('lists APIs older than 1.0.0 only with all', () => {
    const old = [use('Component.register', '0.9.7'), use('Workspace.getLeaf', '0.16.0'), use('Vault.process', '1.1.0')];
    const short = judge(old, { version: '0.1.0', minAppVersion: '1.1.0' }, { '0.1.0': '1.1.0' });
    expect(short.lines).toContain('  … and 2 more from 0.9.7 to 0.16.0 (--all lists them)');
    const all = judge(old, { version: '0.1.0', minAppVersion: '1.1.0' }, { '0.1.0': '1.1.0' }, true);
    expect(all.lines.filter((l) => l.includes('Component.register'))).toHaveLength(1);
  });
});

it('compareVersions compares numerically, part by part', () => {
  expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
  expect(compareVersions('1.4', '1.4.0')).toBe(0);
  expect(compareVersions('0.16.3', '1.0.0')).toBeLessThan(0);
});
