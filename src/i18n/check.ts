/** Strings of the "Check person notes" command. */
export const en = {
  'check.command': 'Check person notes',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'check.command': 'Persoonsnotities controleren',
};
