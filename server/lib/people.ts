import type { AuthorSummary } from '../../common/contracts/networks.ts';

/**
 * A person shown as an author, from an id, their name and when their account was erased (null
 * while it exists); null without an id or a joined account row (no such person any more).
 */
export function authorOf(
  id: string | null,
  displayName: string | null | undefined,
  erasedAt: string | null | undefined,
): AuthorSummary | null {
  if (!id || displayName === null || displayName === undefined) return null;
  return { id, displayName, formerMember: erasedAt !== null && erasedAt !== undefined };
}
