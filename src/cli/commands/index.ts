/** Every `ties` command, in the order the help lists them. A new command is a file here and a line below. */
import type { Command } from '../command';
import { check } from './check';
import { exportPeople } from './export';
import { graph } from './graph';
import { importPeople } from './import';
import { intro } from './intro';
import { review } from './review';

export const COMMANDS: readonly Command[] = [review, check, graph, intro, importPeople, exportPeople];
