/** Where to go after signing in: a path on this site from `?next=`, or home (never another site). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/home';
}
