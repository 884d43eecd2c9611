import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.ts';

const Answer = z.object({
  id: z.string(),
  count: z.number().int(),
  note: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.enum(['a', 'b'])),
  extra: z.string().optional(),
});

async function appAnswering(data: unknown, check: boolean, schema: z.ZodType = Answer) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ check }));
  app.get('/', { schema: { response: { 200: schema } } }, async () => data as never);
  return app;
}

/** What zod's own serializer writes for the same schema and data. */
function viaZod(schema: z.ZodType, data: unknown): string {
  return serializerCompiler({ schema, method: 'GET', url: '/' } as never)(data);
}

const sample = {
  id: 'p1',
  count: 3,
  note: 'Ärztin „Übersetzung“ — Ελένη \u2028 "quoted" \\ </script>',
  author: { id: 'u1', name: 'Олена', passwordHash: 'never sent' },
  tags: ['b', 'a'],
  secret: 'never sent',
};

describe('answers written from their schema', () => {
  it.each([false, true])(
    'write what zod writes, without fields the schema does not name (check: %s)',
    async (check) => {
      const app = await appAnswering(sample, check);
      const res = await app.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('never sent');
      expect(JSON.parse(res.body)).toEqual(JSON.parse(viaZod(Answer, sample)));
      const withNulls = await appAnswering({ ...sample, note: null, author: null, extra: 'x' }, check);
      expect(JSON.parse((await withNulls.inject('/')).body)).toMatchObject({
        note: null,
        author: null,
        extra: 'x',
      });
    },
  );

  it('with check, an answer that does not fit its schema fails as it does with zod alone', async () => {
    const app = await appAnswering({ ...sample, count: 'three' }, true);
    expect((await app.inject('/')).statusCode).toBe(500);
  });

  it('falls back to zod for what JSON Schema cannot say', async () => {
    const WithDate = z.object({ at: z.date() });
    const data = { at: new Date('2026-11-27T10:00:00.000Z') };
    const app = await appAnswering(data, true, WithDate);
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(viaZod(WithDate, data));
  });

  it.each([false, true])(
    'sends a long answer as UTF-8 bytes with the JSON type and its byte length (check: %s)',
    async (check) => {
      const long = { ...sample, note: 'Ελένη — مرحبا — Sprachkurse '.repeat(60) };
      const res = await (await appAnswering(long, check)).inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
      expect(JSON.parse(res.body)).toEqual(JSON.parse(viaZod(Answer, long)));
    },
  );
});
