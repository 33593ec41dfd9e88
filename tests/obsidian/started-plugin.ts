/**
 * The per-test life of a plugin started over an in-memory vault: notices and opened modals cleared before and
 * after each test, the plugin unloaded after it. Call at the top of a test file; use what it returns to start.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type TiesPlugin from '../../src/main';
import { notices } from './notices';
import { openedModals, startPlugin, type TestApp } from './shim';

export function usePlugin(): (files: Record<string, string>, data?: unknown) => Promise<{ t: TestApp; p: TiesPlugin }> {
  let plugin: TiesPlugin | null = null;
  beforeEach(() => {
    notices.length = 0;
  });
  afterEach(() => {
    plugin?.unload();
    plugin = null;
    openedModals.length = 0;
    vi.restoreAllMocks();
  });
  return async (files, data = {}) => {
    const started = await startPlugin(files, data);
    plugin = started.plugin;
    return { t: started.t, p: started.plugin };
  };
}
