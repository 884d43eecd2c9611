/** MOOC sessions: graduates imported from the course, invited in bulk, badged when they join. */

// The CSV reading the directory import shares (one reader for every file people upload).
export { CsvSyntaxError, CsvTooManyRecordsError, parseCsv } from './csv.ts';
export { decodeCsvBytes, normaliseHeader, readGraduateCsv } from './graduate-csv.ts';
export { inviteGraduates, markGraduateJoined, remindGraduates } from './graduates.service.ts';
export { moocRoutes } from './mooc.routes.ts';
export type { MoocGraduateRow, MoocSessionRow } from './mooc.table.ts';
