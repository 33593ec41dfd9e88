// The browser tier's choice of Chromium, with the machine faked: which files exist, whether we are root, what
// the bundled package gives and what apt-get does. Runs in the node tier (no browser).
import { describe, expect, it } from 'vitest';
import { findChromium, INSTALL_COMMAND, SYSTEM_CHROMIUM, type BundledResult, type ChromiumProbes } from './find-chromium';

interface Machine {
  env?: Record<string, string>;
  files?: string[];
  root?: boolean;
  bundled?: BundledResult;
  /** What apt-get does: installs the browser (null), or fails with this reason. */
  apt?: string | null;
}

const BUNDLED: BundledResult = { path: '/p/node_modules/.cache/ties-chromium/143.0.4/chromium', version: '143.0.7499.0', detail: 'unpacked now in 4.0 s' };
const NOT_INSTALLED: BundledResult = { missing: '@sparticuz/chromium is not installed (npm ci installs it)' };

function machine(m: Machine): ChromiumProbes & { calls: string[] } {
  const files = new Set(m.files ?? []);
  const calls: string[] = [];
  return {
    calls,
    env: m.env ?? {},
    exists: (path) => files.has(path),
    isRoot: () => m.root ?? false,
    bundled: () => {
      calls.push('bundled');
      return Promise.resolve(m.bundled ?? NOT_INSTALLED);
    },
    aptInstall: () => {
      calls.push('apt');
      const result = m.apt === undefined ? null : m.apt;
      if (result === null) files.add(SYSTEM_CHROMIUM);
      return Promise.resolve(result);
    },
  };
}

describe('findChromium', () => {
  it('takes TIES_CHROMIUM when it names a file, and looks no further', async () => {
    const probes = machine({ env: { TIES_CHROMIUM: '/opt/chrome' }, files: ['/opt/chrome', SYSTEM_CHROMIUM] });
    expect(await findChromium(probes)).toEqual({ ok: true, path: '/opt/chrome', source: 'TIES_CHROMIUM', line: 'browser tier: TIES_CHROMIUM=/opt/chrome' });
    expect(probes.calls).toEqual([]);
  });

  it("takes Debian's chromium next, and says that TIES_CHROMIUM named nothing", async () => {
    const choice = await findChromium(machine({ env: { TIES_CHROMIUM: '/nowhere' }, files: [SYSTEM_CHROMIUM] }));
    expect(choice).toMatchObject({ ok: true, path: SYSTEM_CHROMIUM, source: 'debian' });
    expect(choice.line).toBe("browser tier: Debian's chromium at /usr/bin/chromium (TIES_CHROMIUM=/nowhere does not exist)");
  });

  it('treats an empty TIES_CHROMIUM as unset', async () => {
    const choice = await findChromium(machine({ env: { TIES_CHROMIUM: '' }, files: [SYSTEM_CHROMIUM] }));
    expect(choice.line).toBe("browser tier: Debian's chromium at /usr/bin/chromium");
  });

  it('takes the bundled Chromium when Debian has none, and installs nothing even as root', async () => {
    const probes = machine({ root: true, bundled: BUNDLED });
    const choice = await findChromium(probes);
    expect(choice).toMatchObject({ ok: true, path: BUNDLED.path, source: 'bundled' });
    expect(choice.line).toBe('browser tier: Chromium 143.0.7499.0 from @sparticuz/chromium, unpacked now in 4.0 s (no /usr/bin/chromium)');
    expect(probes.calls).toEqual(['bundled']);
  });

  it('TIES_HIDE_SYSTEM_CHROMIUM=1 hides Debian’s browser, so the fallback is taken on a machine that has it', async () => {
    const choice = await findChromium(
      machine({ env: { TIES_CHROMIUM: '/nonexistent', TIES_HIDE_SYSTEM_CHROMIUM: '1' }, files: [SYSTEM_CHROMIUM], bundled: BUNDLED }),
    );
    expect(choice).toMatchObject({ ok: true, source: 'bundled' });
    expect(choice.line).toContain('TIES_CHROMIUM=/nonexistent does not exist; /usr/bin/chromium hidden by TIES_HIDE_SYSTEM_CHROMIUM=1');
  });

  it('installs Debian’s chromium as root when nothing else is there', async () => {
    const probes = machine({ root: true });
    const choice = await findChromium(probes);
    expect(choice).toMatchObject({ ok: true, path: SYSTEM_CHROMIUM, source: 'apt' });
    expect(choice.line).toBe(
      "browser tier: Debian's chromium, installed now with apt-get (no /usr/bin/chromium; @sparticuz/chromium is not installed (npm ci installs it))",
    );
    expect(probes.calls).toEqual(['bundled', 'apt']);
  });

  it('tries apt-get when the bundled Chromium does not start (a machine without its libraries)', async () => {
    const probes = machine({ root: true, bundled: { missing: 'the Chromium from @sparticuz/chromium does not start: libnss3.so: cannot open shared object file' } });
    expect(await findChromium(probes)).toMatchObject({ ok: true, source: 'apt' });
  });

  it('fails in one line with the reason and the fix when apt-get fails', async () => {
    const choice = await findChromium(machine({ root: true, apt: 'E: Unable to locate package chromium' }));
    expect(choice.ok).toBe(false);
    expect(choice.line).toBe(
      'browser tier: no Chromium (no /usr/bin/chromium; @sparticuz/chromium is not installed (npm ci installs it); ' +
        'apt-get could not install chromium: E: Unable to locate package chromium); ' +
        `run \`${INSTALL_COMMAND}\`, or set TIES_CHROMIUM to a Chromium binary`,
    );
  });

  it('fails when apt-get succeeds but leaves no browser', async () => {
    const probes = machine({ root: true });
    probes.aptInstall = () => Promise.resolve(null);
    const choice = await findChromium(probes);
    expect(choice.ok).toBe(false);
    expect(choice.line).toContain('apt-get could not install chromium: no /usr/bin/chromium after the install');
  });

  it('does not run apt-get without root, and names the command with sudo', async () => {
    const probes = machine({ root: false });
    const choice = await findChromium(probes);
    expect(choice.ok).toBe(false);
    expect(choice.line).toBe(
      'browser tier: no Chromium (no /usr/bin/chromium; @sparticuz/chromium is not installed (npm ci installs it)); ' +
        `run \`sudo sh -c '${INSTALL_COMMAND}'\`, or set TIES_CHROMIUM to a Chromium binary`,
    );
    expect(choice.line).not.toContain('\n');
    expect(probes.calls).toEqual(['bundled']);
  });

  it('does not install Debian’s browser while it is hidden, and says how to unhide it', async () => {
    const probes = machine({ root: true, env: { TIES_HIDE_SYSTEM_CHROMIUM: '1' } });
    const choice = await findChromium(probes);
    expect(choice.ok).toBe(false);
    expect(choice.line).toContain('unset TIES_HIDE_SYSTEM_CHROMIUM');
    expect(probes.calls).toEqual(['bundled']);
  });
});
