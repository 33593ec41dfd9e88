/** Every feature's strings, merged. Add a feature's `{ en, nl }` here. */
import * as actions from './actions';
import * as attention from './attention';
import * as check from './check';
import * as conscience from './conscience';
import * as graph from './graph';
import * as importExport from './import';
import * as notePeople from './note-people';

export const STRINGS = {
  en: { ...actions.en, ...attention.en, ...check.en, ...conscience.en, ...graph.en, ...importExport.en, ...notePeople.en },
  nl: { ...actions.nl, ...attention.nl, ...check.nl, ...conscience.nl, ...graph.nl, ...importExport.nl, ...notePeople.nl },
};

export type StringKey = keyof typeof STRINGS.en;
