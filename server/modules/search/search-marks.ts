/** Markers around matched words in raw snippets; the service escapes the text, then turns them into <mark>. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
