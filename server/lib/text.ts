/** Removes C0 control characters and DEL, except those listed in `keep`. */
export function stripControlCharacters(text: string, keep: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !keep.includes(ch)) continue;
    out += ch;
  }
  return out;
}
