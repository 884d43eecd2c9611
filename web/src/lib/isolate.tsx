import { Fragment, type ReactNode } from 'react';

const FSI = '\u2068';
const PDI = '\u2069';

/** A value wrapped in Unicode isolates (FSI … PDI), for strings that cannot hold markup (aria-label, title). */
export function isolate(value: string): string {
  return `${FSI}${value}${PDI}`;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

// Private-use characters stand in for the values while the message is translated: they pass through
// ICU unchanged and never occur in a catalogue.
const mark = (index: number) => `\uE000${index}\uE001`;
const MARKS = /\uE000(\d+)\uE001/;

/**
 * A translated UI string whose interpolated user text (names, titles) keeps its own direction:
 * each string value is rendered in a <bdi dir="auto">, so "Welcome, Olga" in Arabic or an Arabic
 * name in an English sentence reads right. Numbers (plural counts) pass to the message as numbers.
 */
export function tIsolated(t: Translate, key: string, values: Record<string, string | number>): ReactNode {
  const texts: string[] = [];
  const marked: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') {
      marked[name] = mark(texts.length);
      texts.push(value);
    } else {
      marked[name] = value;
    }
  }
  const parts = t(key, marked).split(MARKS);
  // split with a capturing group: text, index, text, index, …, text. The parts never move, so
  // their places are their keys.
  return parts.map((part, i) =>
    i % 2 === 0 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed sequence (see above).
      part && <Fragment key={`t${i}`}>{part}</Fragment>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed sequence (see above).
      <bdi key={`v${i}`} dir="auto">
        {texts[Number(part)]}
      </bdi>
    ),
  );
}
