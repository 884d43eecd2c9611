/** The body usually opens with the title as its own "# " heading; the card shows the title already. */
export function withoutTitle(body: string, title: string): string {
  const first = body.match(/^\s*#\s+(.+?)\s*#*\s*(\n|$)/);
  return first && first[1]?.trim() === title.trim() ? body.slice(first[0].length) : body;
}
