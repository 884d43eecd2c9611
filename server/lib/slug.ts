/** A URL-safe slug from a name: "Willkommen in Köln!" → "willkommen-in-koln" (with a random tail when empty). */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `${base || 'network'}-${Math.random().toString(36).slice(2, 8)}`;
}
