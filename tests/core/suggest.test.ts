import { describe, expect, it } from 'vitest';
import { boundedDistance, closestNames, foldName, orList } from '../../src/core/suggest';

const people = ['Kees Dekker', 'Kees de Vries', 'Sanne de Vries', 'Lotte Mulder', 'Joost Visser', 'Jan', 'Jana', 'Ömer Yılmaz'].map((name) => ({ name }));

describe('closestNames', () => {
  it.each([
    ['Kes Dekker', ['Kees Dekker']], // a typo
    ['Kees Dekekr', ['Kees Dekker']], // two letters swapped
    ['KEES   dekker', ['Kees Dekker']], // case and spaces
    ['dekker', ['Kees Dekker']], // one word of the name
    ['kees', ['Kees Dekker', 'Kees de Vries']], // a first name shared by two
    ['mulder lotte', ['Lotte Mulder']], // words in another order
    ['lot', ['Lotte Mulder']], // the start of a word
    ['Omer Yilmaz', ['Ömer Yılmaz']], // without accents
    ['Jna', ['Jan', 'Jana']],
  ])('suggests %j → %j', (query, expected) => {
    expect(closestNames(query, people)).toEqual(expected);
  });

  it('suggests nothing for a name unlike any other, or for nothing typed', () => {
    expect(closestNames('Zacharias', people)).toEqual([]);
    expect(closestNames('   ', people)).toEqual([]);
  });

  it('matches aliases but suggests the name, once', () => {
    const withAlias = [{ name: 'Katharina de Boer', aliases: ['Kat', 'Kathy'] }, { name: 'Jan' }];
    expect(closestNames('Kathy', withAlias)).toEqual(['Katharina de Boer']);
    expect(closestNames('Kaht', withAlias)).toEqual(['Katharina de Boer']);
  });

  it('gives at most three, the closest first, ties by name', () => {
    const many = ['Anna B', 'Anna A', 'Anna C', 'Anna D', 'Ana'].map((name) => ({ name }));
    expect(closestNames('Anna', many)).toEqual(['Anna A', 'Anna B', 'Anna C']);
    expect(closestNames('Ana', many, 1)).toEqual(['Ana']);
  });

  it('compares 20,000 names with a bounded, banded distance (one pass)', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => ({ name: `Person ${i} van der Berg` }));
    names.push({ name: 'Kees Dekker' });
    expect(closestNames('Kees Dekkr', names)).toEqual(['Kees Dekker']);
  });
});

describe('boundedDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps up to the bound', () => {
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('abcd', 'abdc', 1)).toBe(1);
    expect(boundedDistance('abc', 'abc', 0)).toBe(0);
    expect(boundedDistance('abc', 'xyz', 1)).toBe(2); // over the bound: bound + 1
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3);
    expect(boundedDistance('', 'ab', 2)).toBe(2);
  });
});

describe('foldName and orList', () => {
  it('folds case, accents and spaces', () => {
    expect(foldName('  Émile_Zola  Jr ')).toBe('emile zola jr');
  });

  it('joins names as a sentence does', () => {
    expect(orList(['A'])).toBe('A');
    expect(orList(['A', 'B'])).toBe('A or B');
    expect(orList(['A', 'B', 'C'])).toBe('A, B or C');
  });
});
