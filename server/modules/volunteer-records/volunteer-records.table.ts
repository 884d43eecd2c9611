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

export interface VolunteerDeparturesTable {
  networkId: string;
  userId: string;
  /** YYYY-MM-DD */
  leftOn: string;
  /** JSON: { menteeCodes: [{ code, toUserId }], helpRequests: [{ id, toUserId }] }. */
  handover: string;
  note: string;
  /** YYYY-MM-DD: from this day on the job deletes the member's records. */
  purgeOn: string;
  purgedAt: string | null;
  recordedBy: string | null;
  createdAt: string;
}
export type VolunteerDepartureRow = Selectable<VolunteerDeparturesTable>;

export interface VolunteerRemindersTable {
  id: string;
  networkId: string;
  userId: string;
  kind: 'check_expiring' | 'commitment_ended';
  subject: string;
  sentAt: string;
}

export interface VolunteerRecordSettingsTable {
  networkId: string;
  retentionMonths: number;
  updatedBy: string | null;
  updatedAt: string;
}
