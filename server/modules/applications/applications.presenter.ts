import type { Application, MyApplication } from '../../../common/contracts/invitations.ts';
import type { ApplicationRow } from './applications.table.ts';

/** An application with the network it was made to. */
export type MyApplicationRow = ApplicationRow & { networkSlug: string; networkName: string };

/** An application with its applicant and decider, as the network's staff list it. */
export type NetworkApplicationRow = ApplicationRow & {
  applicantName: string;
  applicantEmail: string;
  deciderName: string | null;
};

/** The applicant's own view of an application. */
export function presentMyApplication(row: MyApplicationRow): MyApplication {
  return {
    id: row.id,
    network: { slug: row.networkSlug, name: row.networkName },
    status: row.status,
    languages: JSON.parse(row.languages) as string[],
    decisionMessage: row.decisionMessage,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
  };
}

/** An application as the network's meta-mentors and office see it. */
export function presentApplication(row: NetworkApplicationRow): Application {
  return {
    id: row.id,
    applicant: { id: row.userId, displayName: row.applicantName, email: row.applicantEmail },
    motivation: row.motivation,
    experience: row.experience,
    languages: JSON.parse(row.languages) as string[],
    status: row.status,
    decidedBy: row.decidedBy ? { id: row.decidedBy, displayName: row.deciderName ?? '' } : null,
    decidedAt: row.decidedAt,
    decisionMessage: row.decisionMessage,
    createdAt: row.createdAt,
  };
}

/** A page of a network's applications. */
export function presentApplicationList(page: { rows: NetworkApplicationRow[]; nextCursor: string | null }) {
  return { applications: page.rows.map(presentApplication), nextCursor: page.nextCursor };
}
