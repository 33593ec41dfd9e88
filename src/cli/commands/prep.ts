/** `ties prep`: the people a note names, with what to know before the meeting (format v1.1, Meeting prep). */
import type { Command } from '../command';
import { runPrep } from '../prep-command';

export const prep: Command = {
  name: 'prep',
  synopsis: '[VAULT] NOTE',
  summary: 'the people a note names, for meeting prep',
  operand: { name: 'NOTE', what: 'a note, as a path in the vault or its name' },
  options: {},
  details:
    'Lists attendees first, in their order, then the person notes the body links to, each once; a person note\n' +
    'lists that person alone. For each: last contact and the last log line, open follow-ups (due by today, and\n' +
    'every one to raise next time), interests, favours owed, a birthday coming up, organisation, role and\n' +
    'channel, when you met, who introduced you. Names with no note are listed at the end. In --json a\n' +
    'follow-up from a task carries its note (source) and line, counted from 1.',
  async run(ctx) {
    return runPrep(ctx);
  },
};
