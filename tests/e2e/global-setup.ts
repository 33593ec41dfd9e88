/**
 * The browser tier's global setup: decides once per test run which Chromium the tests drive (find-chromium.ts),
 * prints that decision in one line, and hands it to the test files (browser.ts reads it with `inject`).
 * Vitest runs it only when a test of the e2e project is about to run.
 */
import type { TestProject } from 'vitest/node';
import { realProbes } from './chromium-probes';
import { findChromium, type ChromiumChoice } from './find-chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    tiesChromium: ChromiumChoice;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const choice = await findChromium(realProbes());
  console.log(choice.line);
  project.provide('tiesChromium', choice);
}
