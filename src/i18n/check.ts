/** Strings of the "Check person notes" command and its modal. */
export const en = {
  'check.command': 'Check person notes',
  'check.loading': 'Ties is still reading your notes. Try again in a moment.',
  'check.noProblems': 'No problems found in {people}',
  'check.summary': '{parts} in {notes}',
  'check.and': '{a} and {b}',
  'check.errors': '{n, plural, one {# error} other {# errors}}',
  'check.warnings': '{n, plural, one {# warning} other {# warnings}}',
  'check.notes': '{n, plural, one {# note} other {# notes}}',
  'check.personNotes': '{n, plural, one {# person note} other {# person notes}}',
  'check.error': 'Error',
  'check.warning': 'Warning',
  'check.openNote': 'Open {name}',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'check.command': 'Persoonsnotities controleren',
  'check.loading': 'Ties leest je notities nog. Probeer het zo opnieuw.',
  'check.noProblems': 'Geen problemen gevonden in {people}',
  'check.summary': '{parts} in {notes}',
  'check.and': '{a} en {b}',
  'check.errors': '{n, plural, one {# fout} other {# fouten}}',
  'check.warnings': '{n, plural, one {# waarschuwing} other {# waarschuwingen}}',
  'check.notes': '{n, plural, one {# notitie} other {# notities}}',
  'check.personNotes': '{n, plural, one {# persoonsnotitie} other {# persoonsnotities}}',
  'check.error': 'Fout',
  'check.warning': 'Waarschuwing',
  'check.openNote': '{name} openen',
};
