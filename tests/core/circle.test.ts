import { describe, expect, it } from 'vitest';
import { isDormant, rank } from '../../src/core/attention';
import { circleOfCadence, effectiveCircle } from '../../src/core/circle';
import { day, person, settings } from '../builders';

const T = day('2026-11-24');

describe('one meaning of circle', () => {
  it('is the own circle, else the circle the cadence implies, else none', () => {
    expect(effectiveCircle(person('A', { circle: 50, cadence: 'weekly' }), settings.circleCadence)).toBe(50);
    expect(effectiveCircle(person('B', { cadence: 'weekly' }), settings.circleCadence)).toBe(5);
    expect(effectiveCircle(person('C', { cadence: '10d' }), settings.circleCadence)).toBe(15);
    expect(effectiveCircle(person('D', { cadence: '3 years' }), settings.circleCadence)).toBe(150);
    expect(effectiveCircle(person('E', {}), settings.circleCadence)).toBeNull();
    // The circles' cadences are settings: a fortnight is circle 5 when circle 5 means every 14 days.
    expect(circleOfCadence(14, { 5: 14, 15: 30, 50: 90, 150: 365 })).toBe(5);
  });
});

describe('one dormant rule', () => {
  it('is what the sidebar lists as dormant', () => {
    const people = [
      person('Silent', { last_contact: '2025-01-01' }),
      person('Recent', { last_contact: '2026-10-01' }),
      person('WithCadence', { last_contact: '2024-01-01', cadence: 'yearly' }),
      person('Never', {}),
      person('Boundary', { last_contact: '2025-11-24' }),
    ];
    const listed = new Set(rank(people, T, settings).filter((i) => i.kind === 'dormant').map((i) => i.name));
    expect(people.filter((p) => isDormant(p, T, settings)).map((p) => p.name)).toEqual(['Silent']);
    for (const p of people) expect(listed.has(p.name)).toBe(isDormant(p, T, settings));
  });
});
