/** Plurals through Intl.PluralRules (issue 12, point 6), and the Dutch of the reasons in words. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCadence, describeFollowUpItem, describeReason } from '../../src/core/describe';
import { translate } from '../../src/i18n/i18n';
import { fillPlurals, pluralCategory, templateNames } from '../../src/i18n/plural';

describe('plurals', () => {
  const steps = '{n, plural, one {# step} other {# steps}}';

  it('chooses the form by Intl.PluralRules, # is the number, other placeholders stay for later', () => {
    expect(fillPlurals(steps, 'en', { n: 1 })).toBe('1 step');
    expect(fillPlurals(steps, 'en', { n: 0 })).toBe('0 steps');
    expect(fillPlurals(steps, 'en', { n: 2 })).toBe('2 steps');
    expect(fillPlurals('{n, plural, =0 {nobody} one {the first person} other {the first # people}} and {name}', 'en', { n: 0 })).toBe('nobody and {name}');
    expect(fillPlurals('Go {n, plural, one {with {name}} other {with # people}}.', 'nl', { n: 1 })).toBe('Go with {name}.');
    expect(pluralCategory('nl', 1)).toBe('one');
    expect(pluralCategory('nl', 3)).toBe('other');
  });

  it('the strings say "1 step", "the first person", in English and Dutch', () => {
    expect(translate('en', 'graph.intro.steps', { n: 1 })).toBe('1 step');
    expect(translate('nl', 'graph.intro.steps', { n: 1 })).toBe('1 stap');
    expect(translate('nl', 'graph.intro.steps', { n: 3 })).toBe('3 stappen');
    expect(translate('en', 'attention.callHour.start', { n: 1 })).toBe('Start a call hour with the first person');
    expect(translate('en', 'attention.callHour.start', { n: 5 })).toBe('Start a call hour with the first 5 people');
    expect(translate('nl', 'attention.callHour.start', { n: 1 })).toBe('Een beluur beginnen met de eerste persoon');
    expect(translate('en', 'check.notes', { n: 1 })).toBe('1 note');
    expect(translate('nl', 'check.personNotes', { n: 2 })).toBe('2 persoonsnotities');
    expect(translate('en', 'attention.problems', { n: 1 })).toBe('1 note has problems');
  });

  it('leaves what is no plural alone, and never throws on broken or hostile templates', () => {
    expect(fillPlurals('{n} and {n, plural, one {x}}', 'en', { n: 1 })).toBe('{n} and {n, plural, one {x}}');
    expect(fillPlurals('{n, plural, other {# {name}', 'en', { n: 1 })).toBe('{n, plural, other {# {name}');
    expect(fillPlurals('{n, plural, other {#}}', 'en', { n: 'many' })).toBe('many');
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.integer(), (s, n) => {
      const t = `{n, plural, ${s}`;
      expect(typeof fillPlurals(t, 'en', { n })).toBe('string');
      expect(Array.isArray(templateNames(t))).toBe(true);
    }));
    // Linear on a long line.
    const long = `${'{n, plural, one {'.repeat(20_000)}`;
    expect(fillPlurals(long, 'en', { n: 1 })).toBe(long);
  });

  it('names what a template reads, plurals included', () => {
    expect(templateNames('{a} {n, plural, one {# {b}} other {# {c}}}')).toEqual(['a', 'b', 'c', 'n']);
    expect(templateNames('{n, plural, one {persoon} other {mensen}}')).toEqual(['n']);
  });
});

describe('reasons in Dutch (the read-through)', () => {
  it('says "elk kwartaal" and "elk jaar", but "elke maand" and "elke 2 jaar"', () => {
    expect(describeCadence(90, 'nl')).toBe('elk kwartaal');
    expect(describeCadence(365, 'nl')).toBe('elk jaar');
    expect(describeCadence(730, 'nl')).toBe('elke 2 jaar');
    expect(describeCadence(30, 'nl')).toBe('elke maand');
    expect(describeCadence(7, 'nl')).toBe('elke week');
    expect(describeCadence(90, 'en')).toBe('every quarter');
  });

  it('a follow-up: "opvolgen", late "over tijd"; under the Follow-ups heading without the prefix', () => {
    const r = { kind: 'follow-up' as const, day: 100, text: 'vraag naar [[Mila]]', raw: '' };
    expect(describeReason(r, 'nl', 121)).toBe('opvolgen: vraag naar Mila · 3 weken over tijd');
    expect(describeFollowUpItem(r, 'nl', 100)).toBe('vraag naar Mila · vandaag');
    expect(describeFollowUpItem(r, 'en', 104)).toBe('vraag naar Mila · due 4 days ago');
    expect(describeReason({ kind: 'favour', owed: 1 }, 'nl', 0)).toBe('je bent een gunst schuldig');
  });
});
