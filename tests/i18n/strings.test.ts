/** English and Dutch say the same things: every key in both, with the same placeholders; import reasons are the core's English. */
import { describe, expect, it } from 'vitest';
import { REASON_TEXT, reasonText, type ReasonCode } from '../../src/core/import/reasons';
import { translate } from '../../src/i18n/i18n';
import { templateNames } from '../../src/i18n/plural';
import { STRINGS, type StringKey } from '../../src/i18n/strings';

const placeholders = templateNames;

describe('strings', () => {
  it('every Dutch string has the placeholders of its English one', () => {
    const keys = Object.keys(STRINGS.en) as StringKey[];
    const differing = keys.filter((k) => placeholders(STRINGS.en[k]).join() !== placeholders(STRINGS.nl[k]).join());
    expect(differing).toEqual([]);
  });

  it('every reason of the import core is translated, and its English is the core’s text (what the CLI prints)', () => {
    for (const code of Object.keys(REASON_TEXT) as ReasonCode[]) {
      const key = `import.why.${code}` as StringKey;
      expect(STRINGS.en[key]).toBe(REASON_TEXT[code]);
      expect(STRINGS.nl[key]).not.toBe(REASON_TEXT[code]);
    }
    const params = { name: 'Zoë', organisation: 'Acme', n: 2, notes: 'People/A.md, People/B.md' };
    expect(translate('en', 'import.why.matches-several-email', params)).toBe(reasonText({ code: 'matches-several-email', params }));
    expect(translate('nl', 'import.why.row-no-name-org', params)).toBe('de rij heeft geen naam, alleen een organisatie ("Acme")');
  });
});
