/** A member's picture, or their initials on a calm background when there is none. */
export function Avatar({ name, url, size = 56 }: { name: string; url: string | null; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toLocaleUpperCase())
    .join('');
  return url ? (
    <img className="avatar" src={url} alt="" width={size} height={size} loading="lazy" />
  ) : (
    <span className="avatar avatar-initials" style={{ inlineSize: size, blockSize: size }} aria-hidden="true">
      {initials}
    </span>
  );
}
