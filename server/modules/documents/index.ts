/** The agreement and communication rules of a network: versions, publishing, acceptance. */
export { publishDefaultDocuments } from './documents.service.ts';
export { findCurrentDocuments, hasAcceptedCurrent } from './documents.repository.ts';
export { documentRoutes } from './documents.routes.ts';
export { acceptCurrentDocuments, defaultDocument, publishDocument } from './documents.service.ts';
