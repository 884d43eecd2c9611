/** Counts above this are shown as "99+" (the server counts unread notifications and each conversation's messages up to 100). */
export const COUNT_BADGE_MAX = 99;

/** A small unread count next to a navigation entry; nothing at zero. */
export function CountBadge({ count, label }: { count: number; label?: string }) {
  if (count <= 0) return null;
  return (
    <span className="count-badge" data-testid="count-badge">
      <span aria-hidden={label ? true : undefined}>
        {count > COUNT_BADGE_MAX ? `${COUNT_BADGE_MAX}+` : count}
      </span>
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}
