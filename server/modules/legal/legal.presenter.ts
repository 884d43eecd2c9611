import type { LegalVersion } from '../../../common/contracts/legal.ts';
import type { LegalVersionRow } from './legal.table.ts';

export function presentLegalVersion(row: LegalVersionRow): LegalVersion {
  return {
    kind: row.kind,
    version: Number(row.version),
    body: row.body,
    summary: row.summary,
    publishedAt: row.publishedAt,
  };
}
