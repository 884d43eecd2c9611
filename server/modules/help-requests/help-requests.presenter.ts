import type { Attachment } from '../../../common/contracts/discussions.ts';
import type {
  HelpPerson,
  HelpRequest,
  HelpRequestSummary,
  SuggestedHelpers,
} from '../../../common/contracts/help-requests.ts';
import type { ExpertiseArea } from '../../../common/expertise.ts';
import type { LanguageCode } from '../../../common/languages.ts';
import {
  canEditHelpRequest,
  canOfferHelp,
  canReopenHelpRequest,
  canResolveHelpRequest,
  canRespondToHelpRequest,
  type HelpViewer,
  isRequester,
} from '../../../common/policies/help-requests.ts';
import { authorOf } from '../../lib/people.ts';
import { avatarUrlOf } from '../profiles/index.ts';
import type { HelpRequestListRow, HelpRequestSummaryRow, HelpResponseRow } from './help-requests.table.ts';
import type { RankedHelper } from './ranking.ts';

function personOf(
  id: string | null,
  name: string | null,
  erasedAt: string | null,
  avatarKey: string | null,
): HelpPerson | null {
  const author = authorOf(id, name, erasedAt);
  // Written out, not spread: `{ ...author, avatarUrl }` cost ~0.7 µs a person, most of a list's presenting.
  return (
    author && {
      id: author.id,
      displayName: author.displayName,
      formerMember: author.formerMember,
      avatarUrl: avatarUrlOf(author.id, avatarKey),
    }
  );
}

export function presentSummary(row: HelpRequestSummaryRow): HelpRequestSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    requester: personOf(row.requesterId, row.requesterName, row.requesterErasedAt, row.requesterAvatarKey),
    expertise: JSON.parse(row.expertise) as ExpertiseArea[],
    languages: JSON.parse(row.languages) as LanguageCode[],
    urgency: row.urgency,
    deadline: row.deadline,
    responseCount: Number(row.responseCount),
    offerCount: Number(row.offerCount),
    offeredByMe: Boolean(row.offeredByMe),
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    escalatedAt: row.escalatedAt,
  };
}

export interface RequestDetails {
  responses: (HelpResponseRow & {
    authorName: string | null;
    authorErasedAt: string | null;
    authorAvatarKey: string | null;
  })[];
  offers: {
    helperId: string;
    createdAt: string;
    displayName: string;
    erasedAt: string | null;
    avatarKey: string | null;
  }[];
  thanked: Set<string>;
  attachments: Map<string, Attachment[]>;
}

export function presentRequest(row: HelpRequestListRow, viewer: HelpViewer, d: RequestDetails): HelpRequest {
  return {
    ...presentSummary(row),
    bodySource: isRequester(viewer, row) ? row.bodySource : null,
    bodyHtml: row.bodyHtml,
    attachments: d.attachments.get(row.id) ?? [],
    responses: d.responses.map((r) => ({
      id: r.id,
      author: personOf(r.authorId, r.authorName, r.authorErasedAt, r.authorAvatarKey),
      bodyHtml: r.bodyHtml,
      attachments: d.attachments.get(r.id) ?? [],
      createdAt: r.createdAt,
      thanked: r.authorId !== null && d.thanked.has(r.authorId),
    })),
    offers: d.offers.map((o) => ({
      helper: {
        id: o.helperId,
        displayName: o.displayName,
        formerMember: o.erasedAt !== null,
        avatarUrl: avatarUrlOf(o.helperId, o.avatarKey),
      },
      createdAt: o.createdAt,
      thanked: d.thanked.has(o.helperId),
    })),
    resolvedBy: authorOf(row.resolvedBy, row.resolvedByName, row.resolvedByErasedAt),
    thanksNote: row.thanksNote,
    privacyConfirmedAt: row.privacyConfirmedAt,
    canEdit: canEditHelpRequest(viewer, row),
    canRespond: canRespondToHelpRequest(viewer, row),
    canOffer: canOfferHelp(viewer, row),
    canResolve: canResolveHelpRequest(viewer, row),
    canReopen: canReopenHelpRequest(viewer, row),
  };
}

export function presentSuggestedHelpers(
  ranked: RankedHelper[],
  notified: Set<string>,
  avatarOf: (userId: string) => string | null,
): SuggestedHelpers {
  return {
    helpers: ranked.map(({ candidate, score, reasons }) => ({
      helper: {
        id: candidate.userId,
        displayName: candidate.displayName,
        // Suggestions are drawn from active members only.
        formerMember: false,
        avatarUrl: avatarOf(candidate.userId),
      },
      score,
      reasons,
      notified: notified.has(candidate.userId),
    })),
  };
}
