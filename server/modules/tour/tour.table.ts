import type { Generated } from 'kysely';

export interface NetworkToursTable {
  networkId: string;
  userId: string;
  status: 'done' | 'skipped';
  updatedAt: string;
}

export interface TourNetworkColumns {
  /** Shown on the tour's first step; '' when the meta-mentors wrote none. */
  welcomeText: Generated<string>;
}
