/** The built command line (`dist/ties.mjs`) run as a user runs it, and throwaway vaults for it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CLI = join(process.cwd(), 'dist/ties.mjs');

/** Builds dist/ties.mjs (the build renames it into place, so parallel test files never see half a bundle). */
export function buildCli(): void {
  execFileSync(process.execPath, ['esbuild.config.mjs', 'cli']);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `ties ARGS`, without colour; `prefix` runs it through another program (runuser, say). */
export function ties(args: readonly string[], opts: { prefix?: readonly string[]; cwd?: string } = {}): Run {
  const [cmd, ...pre] = [...(opts.prefix ?? []), process.execPath];
  const r = spawnSync(cmd, [...pre, CLI, ...args], { encoding: 'utf8', cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The characters in `text` a terminal would act on, but the newline between lines: C0 controls, DEL, C1
 * controls, line separators and bidi controls (written out here, apart from src/cli/escape.ts).
 */
export function activeChars(text: string): string[] {
  const active = (c: number) =>
    (c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || [0x061c, 0x200e, 0x200f, 0x2028, 0x2029].includes(c) ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  return [...text].filter((ch) => active(ch.codePointAt(0)!));
}

/** A new vault folder (readable by every user) with these notes. */
export function makeVault(notes: Record<string, string>, prefix = 'ties-e2e-'): string {
  const vault = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(notes)) {
    mkdirSync(dirname(join(vault, path)), { recursive: true });
    writeFileSync(join(vault, path), text);
  }
  execFileSync('chmod', ['-R', 'a+rX', vault]);
  return vault;
}

/**
 * How to run the CLI so that permission bits stop it: as it is for a user that is not root; through
 * `runuser -u nobody` for root (tests run as root here); null when neither is possible.
 */
export function unprivileged(): string[] | null {
  if (typeof process.getuid !== 'function') return null;
  if (process.getuid() !== 0) return [];
  return existsSync('/usr/sbin/runuser') ? ['/usr/sbin/runuser', '-u', 'nobody', '--'] : null;
}
