import { describe, expect, it } from 'vitest';
import { missingPluralCategories } from './plural-categories.mjs';

describe('plural categories a message needs in its language', () => {
  it('asks Arabic for zero, one, two, few, many and other', () => {
    expect(missingPluralCategories('{count, plural, one {# ملف} other {# ملفات}}', 'ar')).toEqual([
      { argument: 'count', missing: ['few', 'many', 'two', 'zero'] },
    ]);
  });

  it('asks Ukrainian and Polish for one, few, many and other; exact branches do not count', () => {
    expect(missingPluralCategories('{n, plural, =1 {# день} one {# день} other {# дня}}', 'uk')).toEqual([
      { argument: 'n', missing: ['few', 'many'] },
    ]);
    expect(
      missingPluralCategories('{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}', 'pl'),
    ).toEqual([]);
  });

  it('finds plurals nested in selects and other plurals, and passes English with one and other', () => {
    const nested = '{role, select, mentor {{count, plural, one {# mentor} other {# mentors}}} other {x}}';
    expect(missingPluralCategories(nested, 'en')).toEqual([]);
    expect(missingPluralCategories(nested, 'ar')).toHaveLength(1);
    expect(missingPluralCategories('Hello {name}', 'ar')).toEqual([]);
  });
});
