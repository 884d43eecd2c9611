import { z } from 'zod';
import { JOIN_REQUEST_STATUSES, PARTNERSHIP_STATUSES } from '../partnerships.ts';
import { Id, Slug, SlugParams } from './networks.ts';

/** The other side of a partnership, or the network an organisation asks to join. */
export const PartnerNetwork = z.object({
  slug: z.string(),
  name: z.string(),
  region: z.string(),
});
export type PartnerNetwork = z.infer<typeof PartnerNetwork>;

export const PartnershipStatusCode = z.enum(PARTNERSHIP_STATUSES);

/** A partnership as one network sees it: the other network, and which side asked. */
export const Partnership = z.object({
  id: z.string(),
  partner: PartnerNetwork,
  status: PartnershipStatusCode,
  /** True when this network asked, false when the partner did. */
  outgoing: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type Partnership = z.infer<typeof Partnership>;

export const PartnershipList = z.object({ partnerships: z.array(Partnership) });
export type PartnershipList = z.infer<typeof PartnershipList>;

/** Ask another network (by its address) to become a partner. */
export const RequestPartnershipBody = z.strictObject({ networkSlug: Slug });
export type RequestPartnershipBody = z.infer<typeof RequestPartnershipBody>;

/** The other network's meta-mentor answers a pending request. */
export const DecidePartnershipBody = z.strictObject({ decision: z.enum(['accept', 'decline']) });
export type DecidePartnershipBody = z.infer<typeof DecidePartnershipBody>;

export const PartnershipParams = SlugParams.extend({ partnershipId: Id });

export const JoinRequestStatusCode = z.enum(JOIN_REQUEST_STATUSES);

/** An organisation's request to take part in a network. */
export const JoinRequest = z.object({
  id: z.string(),
  network: PartnerNetwork,
  organisation: z.object({ slug: z.string(), name: z.string(), city: z.string(), country: z.string() }),
  status: JoinRequestStatusCode,
  message: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinRequestList = z.object({ requests: z.array(JoinRequest) });
export type JoinRequestList = z.infer<typeof JoinRequestList>;

export const CreateJoinRequestBody = z.strictObject({
  networkSlug: Slug,
  message: z.string().trim().max(2000).default(''),
});
export type CreateJoinRequestBody = z.infer<typeof CreateJoinRequestBody>;

export const DecideJoinRequestBody = z.strictObject({ decision: z.enum(['approve', 'decline']) });
export type DecideJoinRequestBody = z.infer<typeof DecideJoinRequestBody>;

export const JoinRequestParams = SlugParams.extend({ requestId: Id });

/** Where a shared item comes from, shown with it in a partner network (null: this network's own). */
export const SharedOrigin = z.object({ slug: z.string(), name: z.string() }).nullable();
export type SharedOrigin = z.infer<typeof SharedOrigin>;
