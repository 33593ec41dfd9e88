// What a release needs (Obsidian's submission requirements and the release workflow): the manifest's fields,
// the license, versions.json kept by `npm version` with a tag that has no "v", the workflow's assets and the
// release notes cut from CHANGELOG.md.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { releaseNotes } from '../../scripts/release-notes';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const json = <T>(file: string): T => JSON.parse(read(file)) as T;

interface Manifest {
  id: string; name: string; version: string; minAppVersion: string; description: string; author: string;
  isDesktopOnly: boolean; authorUrl?: string;
}

describe('manifest.json', () => {
  const manifest = json<Manifest>('manifest.json');

  it('has an id, name and description the community store accepts', () => {
    expect(manifest.id).toMatch(/^[a-z0-9-_]+$/);
    expect(manifest.id).not.toMatch(/obsidian/i);
    expect(manifest.id).not.toMatch(/plugin$/i);
    expect(manifest.name).not.toMatch(/obsidian|plugin/i);
    expect(manifest.description.length).toBeLessThanOrEqual(250);
    expect(manifest.description).toMatch(/^[A-Z].*\.$/);
    expect(manifest.description).not.toMatch(/obsidian|this plugin/i);
    expect(manifest.author).not.toBe('');
  });

  it('runs on mobile, has a plain x.y.z version equal to package.json’s, recorded in versions.json', () => {
    expect(manifest.isDesktopOnly).toBe(false);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.version).toBe(json<{ version: string }>('package.json').version);
    expect(json<Record<string, string>>('versions.json')[manifest.version]).toBe(manifest.minAppVersion);
  });
});

it('LICENSE is the MIT license of Ties contributors, as package.json says', () => {
  expect(json<{ license: string }>('package.json').license).toBe('MIT');
  const license = read('LICENSE');
  expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Ties contributors\n/);
  expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
});

describe('npm version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ties-version-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bumps manifest.json and versions.json in the version commit, and tags it without a "v"', () => {
    for (const file of ['package.json', 'manifest.json', 'versions.json', 'version-bump.mjs', '.npmrc']) copyFileSync(join(ROOT, file), join(dir, file));
    const who = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    const env = { ...process.env, ...who };
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'start');
    const before = json<Manifest>('manifest.json');
    const next = before.version.replace(/\.(\d+)\.\d+$/, (_all, minor: string) => `.${Number(minor) + 1}.0`);

    execFileSync('npm', ['version', 'minor'], { cwd: dir, env, encoding: 'utf8', stdio: 'pipe' });

    expect(git('tag').trim()).toBe(next);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toEqual({ ...before, version: next });
    const versions = JSON.parse(readFileSync(join(dir, 'versions.json'), 'utf8')) as Record<string, string>;
    expect(versions).toEqual({ ...json<Record<string, string>>('versions.json'), [next]: before.minAppVersion });
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['manifest.json', 'package.json', 'versions.json']);
  });

  it('version-bump.mjs refuses to run outside npm version', () => {
    writeFileSync(join(dir, 'versions.json'), '{}\n');
    const env = { ...process.env, npm_package_version: '' };
    expect(() => execFileSync(process.execPath, ['version-bump.mjs'], { cwd: dir, env, stdio: 'pipe' })).toThrow(/npm version/);
    expect(readFileSync(join(dir, 'versions.json'), 'utf8')).toBe('{}\n');
  });
});

describe('the release workflow', () => {
  interface Step { run?: string; uses?: string }
  const workflow = parse(read('.github/workflows/release.yml')) as {
    on: { push: { tags: string[] } };
    jobs: { release: { steps: Step[] } };
  };
  const steps = workflow.jobs.release.steps;
  const runs = steps.map((s) => s.run ?? '').join('\n');

  it('runs on every pushed tag, and first checks that the tag is the version', () => {
    expect(workflow.on.push.tags).toEqual(['*']);
    const check = steps.findIndex((s) => s.run?.includes("require('./manifest.json').version"));
    const build = steps.findIndex((s) => s.run?.includes('npm run build'));
    expect(check).toBeGreaterThanOrEqual(0);
    expect(check).toBeLessThan(build);
  });

  it('checks, builds and tests before it publishes main.js, manifest.json and styles.css', () => {
    for (const command of ['npm ci', 'npm run typecheck', 'npm run lint', 'npm run check:min-app-version', 'npm run build', 'npm test']) {
      expect(runs).toContain(command);
    }
    const publish = steps.at(-1)!.run!;
    expect(publish).toMatch(/gh release create "\$tag"[^\n]*\\\n\s*main\.js manifest\.json styles\.css/);
    expect(publish).toContain('--notes-file release-notes.md');
  });
});

describe('releaseNotes', () => {
  const changelog = '# Changelog\n\n## [Unreleased]\n- next\n\n## [0.2.0] - 2026-12-01\n### Fixed\n- a\n\n## [0.1.0] - 2026-11-24\n- first\n';

  it('cuts out one version’s section, without its heading', () => {
    expect(releaseNotes(changelog, '0.2.0')).toBe('### Fixed\n- a');
    expect(releaseNotes(changelog, '0.1.0')).toBe('- first');
  });

  it('is null for a version without a section, or with an empty one', () => {
    expect(releaseNotes(changelog, '0.3.0')).toBeNull();
    expect(releaseNotes(changelog, '0.1')).toBeNull();
    expect(releaseNotes('## [1.0.0]\n\n## [0.9.0]\n- x\n', '1.0.0')).toBeNull();
  });

  it('finds this version in CHANGELOG.md', () => {
    expect(releaseNotes(read('CHANGELOG.md'), json<Manifest>('manifest.json').version)).toContain('### Added');
  });
});
