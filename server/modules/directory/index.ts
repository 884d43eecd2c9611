/** The public directory of organisations and networks that support migrants (E3). */
export { directoryRoutes } from './directory.routes.ts';
export { curatedValues, syncMirroredEntries } from './directory.service.ts';
export type { DirectoryEntriesTable } from './directory.table.ts';
export { tagsOf } from './directory-text.ts';
