/** Every feature's strings, merged. Add a feature's `{ en, nl }` here. */
import * as check from './check';

export const STRINGS = {
  en: { ...check.en },
  nl: { ...check.nl },
};

export type StringKey = keyof typeof STRINGS.en;
