import { describe, expect, it } from 'vitest';
import { FSI, isolateMessageValues, PDI } from './isolate.ts';

describe('isolateMessageValues', () => {
  it('isolates the strings of simple arguments', () => {
    const values = isolateMessageValues('مرحبًا {name}، «{title}»', { name: 'Olga', title: 'Jobcenter?' });
    expect(values).toEqual({ name: `${FSI}Olga${PDI}`, title: `${FSI}Jobcenter?${PDI}` });
  });

  it('leaves select and plural arguments, numbers and unused values alone', () => {
    const input = { role: 'office', count: 3, other: 'x', name: 'Milan' };
    const values = isolateMessageValues(
      '{role, select, office {المكتب} other {عضو}} {count, plural, one {# رسالة} other {# رسائل}} {name}',
      input,
    );
    expect(values).toEqual({ role: 'office', count: 3, other: 'x', name: `${FSI}Milan${PDI}` });
    expect(input.name).toBe('Milan');
  });

  it('never isolates twice nor touches React marks', () => {
    const values = { a: `${FSI}x${PDI}`, b: '\uE0000\uE001', c: '' };
    expect(isolateMessageValues('{a} {b} {c}', values)).toBe(values);
  });
});
