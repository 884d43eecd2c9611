export {
  clearSessionCookie,
  type RequestMeta,
  requestMeta,
  requireAuth,
  SESSION_COOKIE,
  setSessionCookie,
} from './session-cookie.ts';
export {
  endSession,
  listSessions,
  resolveSession,
  revokeAllSessions,
  revokeOtherSessions,
  revokeSession,
  type SessionContext,
  startSession,
} from './sessions.service.ts';
