/**
 * One meaning of "circle" for every view: a person's own `circle`, or, without one, the Dunbar layer their
 * cadence implies (the innermost circle whose cadence is at least as often as theirs: weekly → 5, monthly →
 * 15). A person with neither is in no circle. The sidebar's capacity meter counts people by it and the
 * graph's "circle 15 and closer" filter shows people by it, so the two always agree.
 */
import { CIRCLES, type Circle, type Person } from './types';

/** The Dunbar layer a cadence belongs to: the innermost circle whose cadence is at least as often. */
export function circleOfCadence(cadence: number, circleCadence: Readonly<Record<Circle, number>>): Circle {
  for (const c of CIRCLES) if (cadence <= circleCadence[c]) return c;
  return 150;
}

/** The person's circle: their own, else the one their cadence implies, else null. */
export function effectiveCircle(p: Pick<Person, 'circle' | 'cadence'>, circleCadence: Readonly<Record<Circle, number>>): Circle | null {
  if (p.circle !== null) return p.circle;
  return p.cadence === null ? null : circleOfCadence(p.cadence, circleCadence);
}
