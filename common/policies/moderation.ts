import { PLATFORM_ONLY_KINDS, type ReportKind } from '../moderation.ts';

/** Who reviews: a platform admin, or the meta-mentor of these networks (`moderation.review` there). */
export interface Reviewer {
  platformAdmin: boolean;
  networkIds: readonly string[];
}

/**
 * Who decides on a report: platform admins on every one; a network's meta-mentors on reports of
 * its content (posts, topics, resources) — messages and profiles belong to no network and go to
 * platform admins only.
 */
export function mayReviewReport(
  reviewer: Reviewer,
  report: { kind: ReportKind; networkId: string | null },
): boolean {
  if (reviewer.platformAdmin) return true;
  if (PLATFORM_ONLY_KINDS.includes(report.kind) || report.networkId === null) return false;
  return reviewer.networkIds.includes(report.networkId);
}
