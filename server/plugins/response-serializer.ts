import { isDeepStrictEqual } from 'node:util';
import fastJsonStringify from 'fast-json-stringify';
import type { FastifySchema, FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compileJsonWriter } from './json-writer.ts';

type Serialize = (data: unknown) => string;

/**
 * Answers longer than this go out as UTF-8 bytes, encoded once here. Left a string, Fastify measures
 * its UTF-8 length for Content-Length (a pass over the whole text), Node joins it to the header
 * block (a copy) and encodes it again when writing: on a list page of 8–14 KB of multilingual text
 * that was 5 % of the request's CPU. A short answer (an error, an id) costs less as a string.
 */
const AS_BYTES_FROM_LENGTH = 1024;

/** The written answer, as bytes when it is long (see AS_BYTES_FROM_LENGTH). */
function toPayload(written: string): string {
  // Fastify sends a Buffer as it sends a string; its serializer type only names the string.
  return written.length < AS_BYTES_FROM_LENGTH ? written : (Buffer.from(written) as unknown as string);
}

/** Compiled serializers by response schema (the error answers share one schema across routes). */
const compiled = new WeakMap<z.ZodType, Serialize | null>();

/**
 * A serializer generated from the response schema (our own JSON writer for the common shapes, else
 * fast-json-stringify), or null when the schema has something JSON Schema cannot say (then zod
 * writes the answer).
 */
function compile(schema: z.ZodType): Serialize | null {
  let serialize = compiled.get(schema);
  if (serialize === undefined) {
    try {
      const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' });
      serialize =
        compileJsonWriter(json) ??
        (fastJsonStringify(
          allowingUnnamedFields(json) as Parameters<typeof fastJsonStringify>[0],
        ) as Serialize);
    } catch {
      serialize = null;
    }
    compiled.set(schema, serialize);
  }
  return serialize;
}

/**
 * Zod says `additionalProperties: false` for its objects. The generated serializer writes only the
 * named fields anyway, but it picks between the branches of a union (`author: {…} | null`) by
 * validating the value, and a value with one field more (a row, not a presented object) would then
 * match no branch and fail, where zod just leaves the field out. So the rule is dropped.
 */
function allowingUnnamedFields(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowingUnnamedFields);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = allowingUnnamedFields(value);
  }
  return out;
}

function zodSchemaOf(schema: unknown): z.ZodType | undefined {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return properties instanceof z.ZodType ? properties : undefined;
}

/**
 * Writes answers with a serializer generated from their zod schema: only the fields the schema
 * names go out (as with zod's encode), but without zod checking every value of every answer, which
 * cost 5–15 % of a list request. With `check` (the tests) every answer is also written by zod, which
 * fails on a value that does not fit the schema, and both must say the same.
 */
export function responseSerializerCompiler(options: {
  check: boolean;
}): FastifySerializerCompiler<FastifySchema> {
  return (route) => {
    const viaZod: Serialize = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
    const schema = zodSchemaOf(route.schema);
    if (!schema) return viaZod;
    // Generated on first use (most routes' error answers never are), then kept by this route.
    let fast: Serialize | null | undefined;
    return (data) => {
      if (fast === undefined) fast = compile(schema);
      if (!fast) return viaZod(data);
      if (!options.check) return toPayload(fast(data));
      const expected = viaZod(data);
      const written = fast(data);
      if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected))) {
        throw new Error(
          `The compiled serializer of ${route.method} ${route.url} (${route.httpStatus}) differs from zod:\n${written}\n${expected}`,
        );
      }
      return toPayload(written);
    };
  };
}
