/** The `ties` command: review, check, graph and intro over a vault folder, on the same core as the plugin. */
import { statSync } from 'node:fs';
import { rank } from '../core/attention';
import { formatDay, localToday } from '../core/dates';
import { normaliseFolder } from '../core/detect';
import { buildGraph, introPaths } from '../core/network';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from '../core/types';
import { PeopleIndex } from '../index/people-index';
import { parseCliArgs, UsageError, USAGE, type CliArgs } from './args';
import { runExport } from './export-command';
import { COLOUR, formatCheck, formatIntro, formatReview, PLAIN } from './format';
import { runImport } from './import-command';
import { graphJson, itemJson } from './json';
import { readVaultParallel, runReadWorkerIfAsked } from './parallel-read';

declare const TIES_VERSION: string | undefined;

function settingsFrom(args: CliArgs): CoreSettings {
  return {
    ...DEFAULT_CORE_SETTINGS,
    peopleFolder: args.folder === null ? DEFAULT_CORE_SETTINGS.peopleFolder : normaliseFolder(args.folder),
    personTags: args.tags ?? [...DEFAULT_CORE_SETTINGS.personTags],
    dailyNotes: args.dailyNotes,
  };
}

function print(out: string | object): void {
  process.stdout.write(typeof out === 'string' ? out : JSON.stringify(out, null, 2) + '\n');
}

async function run(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.command === 'help') return print(USAGE + '\n'), 0;
  if (args.command === 'version') return print(`${typeof TIES_VERSION === 'string' ? TIES_VERSION : 'dev'}\n`), 0;

  let isDir = false;
  try {
    isDir = statSync(args.vault).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir) throw new UsageError(`no such vault folder: ${args.vault}`);

  const settings = settingsFrom(args);
  const today = args.today ?? localToday();
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? COLOUR : PLAIN;
  const index = new PeopleIndex(settings);
  index.rebuild((await readVaultParallel(args.vault, settings, new URL(import.meta.url))).records);
  const people = index.people();
  const diagnostics = index.diagnostics(today);

  switch (args.command) {
    case 'review': {
      const items = rank(people, today, settings);
      if (args.json)
        print({ today: formatDay(today), people: people.length, items: items.map(itemJson), diagnostics });
      else print(formatReview(items, people.length, today, diagnostics, style));
      return 0;
    }
    case 'check': {
      if (args.json) print({ people: people.length, diagnostics });
      else print(formatCheck(diagnostics, people.length, style));
      return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    case 'graph': {
      const graph = buildGraph(people, (t, from) => index.resolvePerson(t, from));
      if (args.json) print(graphJson(graph, today));
      else print(`${graph.order} people and ${graph.size} relations. Use --json for the graph itself.\n`);
      return 0;
    }
    case 'intro': {
      const target = index.findPerson(args.target!);
      if (target === null) throw new UsageError(`no person named "${args.target}" in ${args.vault}`);
      const graph = buildGraph(people, (t, from) => index.resolvePerson(t, from));
      const result = introPaths(graph, target, today, settings, args.limit);
      if (args.json) print(result);
      else print(formatIntro(index.person(target)!, result.paths, result.inTouch, (p) => graph.getNodeAttributes(p).person, today, style));
      return 0;
    }
    case 'import':
      return runImport({
        vault: args.vault, file: args.file!, dryRun: args.dryRun, json: args.json, people, notePaths: index.paths(), settings, style,
        out: print, err: (t) => process.stderr.write(t),
      });
    case 'export':
      return runExport({ people, outFile: args.out, out: print, err: (t) => process.stderr.write(t) });
  }
}

function main(): Promise<void> {
  return run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`ties: ${e.message} (see ties --help)\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`ties: ${(e as Error).stack ?? String(e)}\n`);
        process.exitCode = 3;
      }
    },
  );
}

// The same bundle runs as the reader threads of a large vault.
if (!runReadWorkerIfAsked()) void main();
