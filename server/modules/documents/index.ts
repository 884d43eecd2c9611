/**
 * The agreement and communication rules of a network: versions, publishing, acceptance. Whether a
 * member accepted the current documents is a fact of their standing: ask the networks face
 * (`getStandings`, `loadNetworkAccess`).
 */
export { documentRoutes } from './documents.routes.ts';
export {
  acceptCurrentDocuments,
  defaultDocument,
  publishDefaultDocuments,
  publishDocument,
} from './documents.service.ts';
