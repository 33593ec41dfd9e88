/**
 * Which Chromium the browser tier drives, decided once per test run (tests/e2e/global-setup.ts) and by the
 * graph bench. In this order:
 *   1. TIES_CHROMIUM, when it names a file;
 *   2. Debian's /usr/bin/chromium;
 *   3. the Chromium that `npm ci` brought (@sparticuz/chromium, unpacked once), when it starts;
 *   4. as root: Debian's chromium, installed with apt-get;
 *   5. else no browser, and one line that says why and which command fixes it.
 * TIES_HIDE_SYSTEM_CHROMIUM=1 hides Debian's browser (steps 2 and 4), so the fallback can be proved on a
 * machine that has it (.ci/run does). The probes are injected: the decision is tested without a browser.
 */

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

export type ChromiumSource = 'TIES_CHROMIUM' | 'debian' | 'bundled' | 'apt';

export type ChromiumChoice =
  | { ok: true; path: string; source: ChromiumSource; /** One line: which path was taken, and why. */ line: string }
  | { ok: false; /** One line: the reason, and the command that fixes it. */ line: string };

/** What the bundled package gave: a browser that starts, or why not. */
export type BundledResult = { path: string; version: string; detail: string } | { missing: string };

export interface ChromiumProbes {
  env: Readonly<Record<string, string | undefined>>;
  exists(path: string): boolean;
  isRoot(): boolean;
  /** Unpacks (once) and tries to start the Chromium an npm package brought. */
  bundled(): Promise<BundledResult>;
  /** Installs Debian's chromium; resolves to null on success, else the reason it failed. */
  aptInstall(): Promise<string | null>;
}

export async function findChromium(probes: ChromiumProbes): Promise<ChromiumChoice> {
  const { env } = probes;
  const passed: string[] = [];
  const chosen = (path: string, source: ChromiumSource, what: string): ChromiumChoice => ({
    ok: true,
    path,
    source,
    line: `browser tier: ${what}` + (passed.length > 0 ? ` (${passed.join('; ')})` : ''),
  });

  const own = env.TIES_CHROMIUM;
  if (own) {
    if (probes.exists(own)) return chosen(own, 'TIES_CHROMIUM', `TIES_CHROMIUM=${own}`);
    passed.push(`TIES_CHROMIUM=${own} does not exist`);
  }

  const hidden = env.TIES_HIDE_SYSTEM_CHROMIUM === '1';
  if (hidden) passed.push(`${SYSTEM_CHROMIUM} hidden by TIES_HIDE_SYSTEM_CHROMIUM=1`);
  else if (probes.exists(SYSTEM_CHROMIUM)) return chosen(SYSTEM_CHROMIUM, 'debian', `Debian's chromium at ${SYSTEM_CHROMIUM}`);
  else passed.push(`no ${SYSTEM_CHROMIUM}`);

  const bundled = await probes.bundled();
  if ('path' in bundled) {
    return chosen(bundled.path, 'bundled', `Chromium ${bundled.version} from @sparticuz/chromium, ${bundled.detail}`);
  }
  passed.push(bundled.missing);

  if (!hidden && probes.isRoot()) {
    const failure = await probes.aptInstall();
    if (failure === null && probes.exists(SYSTEM_CHROMIUM)) {
      return chosen(SYSTEM_CHROMIUM, 'apt', `Debian's chromium, installed now with apt-get`);
    }
    passed.push(`apt-get could not install chromium: ${failure ?? `no ${SYSTEM_CHROMIUM} after the install`}`);
  }

  const fix = hidden
    ? 'unset TIES_HIDE_SYSTEM_CHROMIUM, or set TIES_CHROMIUM to a Chromium binary'
    : `run \`${probes.isRoot() ? INSTALL_COMMAND : `sudo sh -c '${INSTALL_COMMAND}'`}\`, or set TIES_CHROMIUM to a Chromium binary`;
  return { ok: false, line: `browser tier: no Chromium (${passed.join('; ')}); ${fix}` };
}
