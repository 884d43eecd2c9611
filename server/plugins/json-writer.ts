/**
 * A JSON writer generated from a JSON Schema (the draft-7 that zod writes for a response schema): it
 * writes only the properties the schema names, in the schema's order, as one string built by plain
 * concatenation. Compared with fast-json-stringify on the hot lists (10–15 KB, most of it ids,
 * timestamps and multilingual text): strings are checked with one regular expression instead of a
 * character loop, a nullable object is told by `=== null` instead of validating the value against
 * each branch, and the answer comes out as fewer, larger pieces (its length for Content-Length and
 * the socket write both first join them into one string). In a loop, writing and measuring a history
 * page of 30 messages: 33 → 27 µs; a page of 20 replies: 13 → 11 µs (JSON.stringify: 26 and 16).
 *
 * Only a small part of JSON Schema is understood: objects with named properties, arrays of one item
 * schema, strings (any format, enum or const), numbers, integers, booleans, null, "X or null"
 * (`anyOf` with a null branch, or a type list) and discriminated unions (`oneOf` objects told apart
 * by a string `const` property: fast-json-stringify validates the value against each branch
 * instead). For anything else `compileJsonWriter` returns null and
 * the caller uses a general serializer.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  patternProperties?: unknown;
  prefixItems?: unknown;
  items?: Schema | Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: unknown;
  not?: unknown;
  $ref?: unknown;
  enum?: unknown[];
  const?: unknown;
};

/** Characters a JSON string must escape, and lone surrogates (JSON.stringify writes those as \u escapes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what JSON must escape.
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A string as JSON; a value of another kind as JSON.stringify writes it (null for undefined). */
export function jsonString(value: unknown): string {
  if (typeof value === 'string' && !NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return JSON.stringify(value) ?? 'null';
}

function jsonNumber(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}` : 'null';
  return JSON.stringify(value) ?? 'null';
}

function jsonBoolean(value: unknown): string {
  if (value === true) return 'true';
  if (value === false) return 'false';
  return JSON.stringify(value) ?? 'null';
}

const helpers = { jsonString, jsonNumber, jsonBoolean };

class Unsupported extends Error {}

/** The schema's one type, with whether null is allowed besides it; Unsupported for anything else. */
function typeOf(schema: Schema): { type: string; nullable: boolean; schema: Schema } {
  if (schema.oneOf !== undefined) {
    if (schema.type !== undefined || schema.anyOf || !tagOf(schema.oneOf)) throw new Unsupported('oneOf');
    return { type: 'tagged', nullable: false, schema };
  }
  for (const key of ['allOf', 'not', '$ref', 'patternProperties', 'prefixItems'] as const) {
    if (schema[key] !== undefined) throw new Unsupported(key);
  }
  if (schema.anyOf) {
    const others = schema.anyOf.filter((branch) => branch.type !== 'null');
    const [other] = others;
    if (others.length !== 1 || schema.anyOf.length !== 2 || schema.type !== undefined || !other) {
      throw new Unsupported('anyOf');
    }
    const inner = typeOf(other);
    return { ...inner, nullable: true };
  }
  if (Array.isArray(schema.type)) {
    const others = schema.type.filter((type) => type !== 'null');
    const [other] = others;
    if (others.length !== 1 || schema.type.length !== 2 || !other) throw new Unsupported('type list');
    return { type: other, nullable: true, schema: { ...schema, type: other } };
  }
  if (typeof schema.type === 'string') return { type: schema.type, nullable: false, schema };
  if (schema.enum?.every((value) => typeof value === 'string') || typeof schema.const === 'string') {
    return { type: 'string', nullable: false, schema };
  }
  throw new Unsupported('no type');
}

/**
 * The property that tells the branches of a union apart (zod's discriminated union: `oneOf` objects
 * whose property of that name is a different string `const` in each), or undefined.
 */
function tagOf(branches: Schema[]): string | undefined {
  const [first] = branches;
  if (!first?.properties || branches.some((b) => b.type !== 'object' || !b.properties)) return undefined;
  return Object.keys(first.properties).find((name) => {
    const values = branches.map((b) => b.properties?.[name]?.const);
    return values.every((v) => typeof v === 'string') && new Set(values).size === values.length;
  });
}

/** Generates code that appends the JSON of the value in variable `value` to `json`. */
function generate(schema: Schema, value: string, depth: number): string {
  const { type, nullable, schema: own } = typeOf(schema);
  const body = generateType(type, own, value, depth);
  if (!nullable) return body;
  return `if (${value} === null) json += 'null'; else { ${body} }`;
}

function generateType(type: string, schema: Schema, value: string, depth: number): string {
  switch (type) {
    case 'string':
      return `json += h.jsonString(${value});`;
    case 'number':
    case 'integer':
      return `json += h.jsonNumber(${value});`;
    case 'boolean':
      return `json += h.jsonBoolean(${value});`;
    case 'null':
      return `json += 'null';`;
    case 'array': {
      const items = schema.items;
      if (!items || Array.isArray(items)) throw new Unsupported('array items');
      const i = `i${depth}`;
      const item = `v${depth + 1}`;
      return `if (!Array.isArray(${value})) json += JSON.stringify(${value}) ?? 'null'; else {
        json += '[';
        for (let ${i} = 0; ${i} < ${value}.length; ${i}++) {
          if (${i} > 0) json += ',';
          const ${item} = ${value}[${i}];
          ${generate(items, item, depth + 1)}
        }
        json += ']';
      }`;
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
        throw new Unsupported('additionalProperties');
      }
      const first = `f${depth}`;
      const fields = Object.entries(properties).map(([name, property]) => {
        const item = `v${depth + 1}`;
        // Names are data: written as JSON string literals into the code, never as identifiers.
        const key = JSON.stringify(name);
        const opening = JSON.stringify(`{${JSON.stringify(name)}:`);
        const next = JSON.stringify(`,${JSON.stringify(name)}:`);
        return `{
          const ${item} = ${value}[${key}];
          if (${item} !== undefined) {
            json += ${first} ? ${opening} : ${next};
            ${first} = false;
            ${generate(property, item, depth + 1)}
          }
        }`;
      });
      return `if (${value} === null || typeof ${value} !== 'object') json += JSON.stringify(${value}) ?? 'null'; else {
        let ${first} = true;
        ${fields.join('\n')}
        json += ${first} ? '{}' : '}';
      }`;
    }
    case 'tagged': {
      // A discriminated union: the tag's value picks the branch, whose named fields are written.
      const branches = schema.oneOf ?? [];
      const tag = tagOf(branches) as string;
      const d = `d${depth}`;
      const cases = branches.map((branch) => {
        const literal = JSON.stringify(branch.properties?.[tag]?.const);
        return `if (${d} === ${literal}) { ${generateType('object', branch, value, depth)} }`;
      });
      return `if (${value} === null || typeof ${value} !== 'object') json += JSON.stringify(${value}) ?? 'null'; else {
        const ${d} = ${value}[${JSON.stringify(tag)}];
        ${cases.join(' else ')}
        else throw new Error('a value of no branch of the union: ' + JSON.stringify(${d}));
      }`;
    }
    default:
      throw new Unsupported(`type ${type}`);
  }
}

/** A writer for values of this schema, or null when the schema uses what this writer does not know. */
export function compileJsonWriter(schema: unknown): ((data: unknown) => string) | null {
  let code: string;
  try {
    code = generate(schema as Schema, 'v0', 0);
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  const write = new Function('h', `return function write(v0) { let json = ''; ${code} return json; };`);
  return write(helpers) as (data: unknown) => string;
}
