/** MOOC sessions: graduates imported from the course, invited in bulk, badged when they join. */
export { markGraduateJoined } from './graduate-join.ts';
export { readGraduateCsv } from './graduate-csv.ts';
export { insertGraduates, insertMoocSession, updateGraduate } from './mooc.repository.ts';
export { moocRoutes } from './mooc.routes.ts';
export { inviteGraduates, remindGraduates } from './mooc.service.ts';
export type { MoocGraduateRow } from './mooc.table.ts';
