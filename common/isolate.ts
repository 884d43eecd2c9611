/** Unicode isolates: the text between them keeps its own direction inside a sentence of another. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** A simple `{name}` argument of an ICU message (not a select, plural or formatted number). */
const SIMPLE_ARGUMENT = /\{\s*([A-Za-z_][\w]*)\s*\}/g;

/**
 * The values of an ICU message with every string that fills a simple `{name}` argument wrapped in
 * isolates, so "يرحب بك ‎Olga‎" or a German topic title ending in "?" reads right inside a
 * right-to-left sentence. Values used by select/plural arguments, numbers and values already
 * isolated (or marked for React by tIsolated) pass unchanged. A new object; the input stays as is.
 */
export function isolateMessageValues<T extends Record<string, unknown>>(message: string, values: T): T {
  let out: Record<string, unknown> | undefined;
  for (const match of message.matchAll(SIMPLE_ARGUMENT)) {
    const name = match[1] as string;
    const value = values[name];
    if (typeof value !== 'string' || value === '' || value.startsWith(FSI) || value.includes('\uE000'))
      continue;
    out ??= { ...values };
    out[name] = `${FSI}${value}${PDI}`;
  }
  return (out ?? values) as T;
}
