/**
 * Partner networks (E2). A partnership is asked for by a meta-mentor of one network and accepted or
 * declined by a meta-mentor of the other; either side ends it. An organisation asks to take part
 * in a network; the network's meta-mentor approves or declines.
 */
export const PARTNERSHIP_STATUSES = ['pending', 'active', 'declined', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'declined'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/** How many partnerships a network may have open (pending or active) at once. */
export const PARTNERSHIPS_MAX = 50;
