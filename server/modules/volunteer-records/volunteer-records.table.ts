import type { Selectable } from 'kysely';

export interface VolunteerTrainingsTable {
  id: string;
  networkId: string;
  userId: string;
  title: string;
  /** YYYY-MM-DD */
  completedOn: string;
  recordedBy: string | null;
  createdAt: string;
}
export type VolunteerTrainingRow = Selectable<VolunteerTrainingsTable>;

export interface VolunteerChecksTable {
  id: string;
  networkId: string;
  userId: string;
  kind: string;
  /** YYYY-MM-DD */
  seenOn: string;
  validUntil: string | null;
  recordedBy: string | null;
  createdAt: string;
}
export type VolunteerCheckRow = Selectable<VolunteerChecksTable>;

export interface VolunteerCommitmentsTable {
  networkId: string;
  userId: string;
  hoursPerWeek: number;
  until: string | null;
  updatedBy: string | null;
  updatedAt: string;
}
export type VolunteerCommitmentRow = Selectable<VolunteerCommitmentsTable>;
