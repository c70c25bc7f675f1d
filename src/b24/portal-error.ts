/**
 * The one error type the rest of the app sees for anything that went wrong between us and the
 * portal. `kind` is what the UI decides on (which sentence, which way forward); `code` and
 * `status` are kept as the portal sent them, for logs and for the few places that need the detail.
 */
export type PortalErrorKind =
  | 'not-in-frame' // opened outside a Bitrix24 frame
  | 'frame-timeout' // inside a frame, but the portal page never answered the handshake
  | 'auth' // token expired and could not be renewed, or rejected
  | 'access' // the user may not see or do this
  | 'scope' // the app was installed without a scope it needs
  | 'not-found' // the task, chat or message does not exist
  | 'rate-limit' // the portal asked us to slow down
  | 'network' // the request never reached the portal, or timed out
  | 'unavailable' // the portal answered with a server error
  | 'method-missing' // the portal does not know the method (older portal)
  | 'invalid' // the portal rejected what we sent
  | 'unknown'

export interface ValidationDetail {
  field?: string
  message?: string
}

export class PortalError extends Error {
  readonly name = 'PortalError'
  constructor(
    readonly kind: PortalErrorKind,
    readonly code: string,
    message: string,
    readonly status = 0,
    readonly validation: readonly ValidationDetail[] = [],
  ) {
    super(message)
  }
}

export function isPortalError(error: unknown): error is PortalError {
  return error instanceof PortalError
}

const KIND_BY_CODE: Record<string, PortalErrorKind> = {
  JSSDK_CLIENT_SIDE_WARNING: 'not-in-frame',
  JSSDK_FRAME_REFRESH_AUTH_TIMEOUT: 'auth',
  expired_token: 'auth',
  invalid_token: 'auth',
  NO_AUTH_FOUND: 'auth',
  INVALID_CREDENTIALS: 'auth',
  user_access_error: 'access',
  ACCESS_ERROR: 'access',
  ACCESS_DENIED: 'access',
  // im.chat.user.add: the user may not add people to the chat (im-chat-user-add.md).
  ACCESS_DENIED_EXTEND: 'access',
  AUTHORIZE_ERROR: 'access',
  WRONG_AUTH_TYPE: 'access',
  BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION: 'access',
  insufficient_scope: 'scope',
  BITRIX_REST_V3_EXCEPTION_INSUFFICIENTSCOPEEXCEPTION: 'scope',
  QUERY_LIMIT_EXCEEDED: 'rate-limit',
  OPERATION_TIME_LIMIT: 'rate-limit',
  OVERLOAD_LIMIT: 'rate-limit',
  NETWORK_ERROR: 'network',
  REQUEST_TIMEOUT: 'network',
  ERROR_METHOD_NOT_FOUND: 'method-missing',
  BITRIX_REST_V3_EXCEPTION_METHODNOTFOUNDEXCEPTION: 'method-missing',
  ERROR_ENTITY_NOT_FOUND: 'not-found',
  BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION: 'not-found',
  MESSAGE_NOT_FOUND: 'not-found',
  INTERNAL_SERVER_ERROR: 'unavailable',
  ERROR_UNEXPECTED_ANSWER: 'unavailable',
  PORTAL_DELETED: 'unavailable',
  ERR_BAD_RESPONSE: 'unavailable',
}

/** Classifies a portal error code; codes we have not met fall back on the HTTP status. */
export function kindOf(code: string, status: number): PortalErrorKind {
  const known = KIND_BY_CODE[code]
  if (known) return known
  if (code.startsWith('BITRIX_REST_V3_EXCEPTION_')) return 'invalid'
  if (status === 401) return 'auth'
  if (status === 403) return 'access'
  if (status === 404) return 'not-found'
  if (status === 429 || status === 503) return 'rate-limit'
  if (status >= 500) return 'unavailable'
  if (status >= 400) return 'invalid'
  return 'unknown'
}

/** Faults that pass by themselves: the same request may well succeed a little later. */
const PASSING: ReadonlySet<PortalErrorKind> = new Set(['rate-limit', 'network', 'unavailable', 'unknown', 'frame-timeout'])
/** Answers that trying again cannot change: only a person can (grant access, add a scope, update the portal). */
const SETTLED: ReadonlySet<PortalErrorKind> = new Set(['access', 'not-found', 'scope', 'method-missing', 'invalid'])

/** The one classifier of failures: whether to try again by itself, and whether a refusal is final. */
export function isPassing(error: unknown): boolean {
  return !isPortalError(error) || PASSING.has(error.kind)
}

export function isSettled(error: unknown): boolean {
  return isPortalError(error) && SETTLED.has(error.kind)
}
