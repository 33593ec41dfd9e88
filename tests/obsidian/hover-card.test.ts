/** The graph's hover card names what to raise next time (undated follow-ups and tasks), compactly. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/i18n';
import { HoverCard, raiseText } from '../../src/views/graph/hover-card';
import { person } from '../builders';

describe('the hover card', () => {
  it('shows raise-next-time items as "Raise: …", two at most, links as their text', () => {
    const p = { ...person('Jan'), followUps: [
        { day: 10, text: 'dated, not shown', raw: 'x' },
        { day: null, text: 'ask [[Kees]] how the exam went', raw: 'ask [[Kees]] how the exam went', source: 'Meetings/a.md', line: 3 },
        { day: null, text: 'send the slides', raw: 'send the slides' },
        { day: null, text: 'the deck', raw: 'the deck' },
    ] };
    expect(raiseText(p)).toBe('ask Kees how the exam went; send the slides, +1');
    const card = new HoverCard(document.body.createDiv(), { t: translator('en'), today: () => 100, language: () => 'en' });
    card.show(p, null, { x: 0, y: 0 }, { width: 800, height: 600 });
    expect(card.el.querySelector('.ties-graph-card-raise')!.textContent).toBe('Raise: ask Kees how the exam went; send the slides, +1');
    card.show({ ...person('Piet'), followUps: [{ day: 10, text: 'dated', raw: 'x' }] }, null, { x: 0, y: 0 }, { width: 800, height: 600 });
    expect(card.el.querySelector('.ties-graph-card-raise')).toBeNull();
  });
});
