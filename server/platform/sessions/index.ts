export {
  clearSessionCookie,
  type RequestMeta,
  requestMeta,
  requireAuth,
  SESSION_COOKIE,
  setSessionCookie,
} from './session-cookie.ts';
export { SESSION_COLUMNS, type SessionColumns, sessionOfRow } from './session-row.ts';
export {
  acceptSession,
  endSession,
  listSessions,
  resolveSession,
  revokeAllSessions,
  revokeOtherSessions,
  revokeSession,
  type SessionContext,
  sessionTokenHash,
  startSession,
} from './sessions.service.ts';
