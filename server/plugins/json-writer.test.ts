import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type HelperReason, SuggestedHelpers } from '../../common/contracts/help-requests.ts';
import { compileJsonWriter, jsonString } from './json-writer.ts';

function writerFor(schema: z.ZodType) {
  const write = compileJsonWriter(z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }));
  if (!write) throw new Error('expected a writer');
  return write;
}

const Answer = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['mention', 'reply']),
      count: z.number().int(),
      share: z.number(),
      read: z.boolean(),
      note: z.string().nullable(),
      author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      tags: z.array(z.string()),
      extra: z.string().optional(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const TRICKY = [
  '',
  'plain',
  'Ärztin „Übersetzung“ — Ελένη Олена مرحبا',
  '"quoted" \\ back\\slash',
  'line\nbreak\ttab\r\u0000\u001f\u007f',
  'separators \u2028 \u2029',
  '</script><script>alert(1)</script>',
  'emoji 😀 pair',
  'lone \ud800 high',
  'lone \udc00 low',
];

describe('JSON writer generated from a response schema', () => {
  it('writes what JSON.stringify writes of the value zod makes, without fields the schema does not name', () => {
    const write = writerFor(Answer);
    const data = {
      items: TRICKY.map((text, i) => ({
        id: `id-${i}`,
        kind: i % 2 ? 'reply' : 'mention',
        count: i,
        share: i / 3,
        read: i % 2 === 0,
        note: i % 3 ? text : null,
        author: i % 4 ? { id: `u${i}`, displayName: text, passwordHash: 'never sent' } : null,
        tags: [text, 'b'],
        ...(i % 2 ? { extra: text } : {}),
        secret: 'never sent',
      })),
      nextCursor: null,
      internal: 'never sent',
    };
    const written = write(data);
    expect(written).not.toContain('never sent');
    expect(written).toBe(JSON.stringify(Answer.parse(data)));
  });

  it('escapes every string exactly as JSON.stringify does', () => {
    for (const text of TRICKY) {
      expect(jsonString(text)).toBe(JSON.stringify(text));
      expect(JSON.parse(jsonString(text))).toBe(text);
    }
  });

  it('writes null for null, leaves out undefined properties, and writes what JSON allows for odd values', () => {
    const write = writerFor(
      z.object({
        a: z.string().optional(),
        n: z.number(),
        o: z.object({ x: z.string() }),
        l: z.array(z.string()),
      }),
    );
    expect(write({ n: 1, o: { x: 'x' }, l: [] })).toBe('{"n":1,"o":{"x":"x"},"l":[]}');
    expect(write({ n: Number.NaN, o: null, l: null })).toBe('{"n":null,"o":null,"l":null}');
    expect(write({})).toBe('{}');
    expect(write({ n: Number.POSITIVE_INFINITY, o: {}, l: ['a', undefined] })).toBe(
      '{"n":null,"o":{},"l":["a",null]}',
    );
  });

  it('treats property names as data, never as code', () => {
    const name = 'a"]; throw new Error("ran"); ["';
    const write = writerFor(z.object({ [name]: z.string(), 'with space': z.number() }));
    const written = write({ [name]: 'v', 'with space': 2 });
    expect(JSON.parse(written)).toEqual({ [name]: 'v', 'with space': 2 });
  });

  it('declines schemas it does not understand (the caller then uses a general serializer)', () => {
    const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7', io: 'output' });
    expect(compileJsonWriter(json(z.record(z.string(), z.number())))).toBeNull();
    expect(
      compileJsonWriter(json(z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]))),
    ).toBeNull();
    // A union of objects without a tag that tells them apart.
    const untagged = z.discriminatedUnion('k', [
      z.object({ k: z.literal('a'), x: z.string() }),
      z.object({ k: z.literal('b'), x: z.string() }),
    ]);
    const schema = json(untagged) as unknown as { oneOf: { properties: { k: { const: string } } }[] };
    for (const branch of schema.oneOf) branch.properties.k.const = 'same';
    expect(compileJsonWriter(schema)).toBeNull();
    expect(compileJsonWriter(json(z.tuple([z.string(), z.number()])))).toBeNull();
    expect(compileJsonWriter(json(z.union([z.string(), z.number()])))).toBeNull();
    expect(compileJsonWriter(json(z.object({ a: z.string() })))).not.toBeNull();
  });

  it('writes a discriminated union by its tag, each branch with its own fields only', () => {
    const write = writerFor(SuggestedHelpers);
    const reasons: HelperReason[] = [
      { code: 'shared_expertise', areas: ['health', 'family'] },
      { code: 'shared_languages', languages: ['uk', 'ar'] },
      { code: 'same_region', region: TRICKY[2] as string },
      { code: 'available', availability: TRICKY[3] as string },
      { code: 'experienced' },
      { code: 'helped_before', resolvedCount: 2 },
      { code: 'open_offers', count: 0 },
    ];
    const data = {
      helpers: TRICKY.map((text, i) => ({
        helper: {
          id: `u${i}`,
          displayName: text,
          avatarUrl: i % 2 ? null : `/a/${i}`,
          formerMember: false,
          email: 'never sent',
        },
        score: i - 2.5,
        // Fields of another branch on a value are not written.
        reasons: reasons
          .slice(i % reasons.length)
          .map((r) => ({ ...r, count: 3, areas: ['work'] }) as unknown as HelperReason),
        notified: i % 3 === 0,
      })),
    };
    const written = write(data);
    expect(written).not.toContain('never sent');
    expect(written).toBe(JSON.stringify(SuggestedHelpers.parse(data)));
    expect(() => write({ helpers: [{ ...data.helpers[0], reasons: [{ code: 'unknown' }] }] })).toThrow(
      /no branch/,
    );
  });

  it('treats the tag and its values as data, never as code', () => {
    const tag = 'k"]; throw new Error("ran"); ["';
    const value = 'v\'); throw new Error("ran"); (\'';
    const write = writerFor(
      z.discriminatedUnion(tag, [
        z.object({ [tag]: z.literal(value), a: z.string() }),
        z.object({ [tag]: z.literal('other'), b: z.number() }),
      ]),
    );
    expect(JSON.parse(write({ [tag]: value, a: 'x', b: 1 }))).toEqual({ [tag]: value, a: 'x' });
    expect(JSON.parse(write({ [tag]: 'other', a: 'x', b: 1 }))).toEqual({ [tag]: 'other', b: 1 });
  });
});
