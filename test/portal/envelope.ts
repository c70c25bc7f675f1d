/**
 * Wire envelopes, byte-compatible with Bitrix24: the `time` object every success carries,
 * v2 errors `{error, error_description}` and v3 errors `{error:{code, message, validation}}`.
 */
import { portalIso } from './dates.ts'

export interface TimeInfo {
  start: number
  finish: number
  duration: number
  processing: number
  date_start: string
  date_finish: string
  operating_reset_at: number
  operating: number
}

export function timeInfo(startMs: number, endMs = Date.now()): TimeInfo {
  const start = startMs / 1000
  const finish = Math.max(endMs, startMs) / 1000
  const round = (n: number): number => Math.round(n * 1e6) / 1e6
  return {
    start: round(start),
    finish: round(finish),
    duration: round(finish - start),
    processing: round((finish - start) * 0.8),
    date_start: portalIso(start),
    date_finish: portalIso(finish),
    operating_reset_at: Math.floor(start) + 600,
    operating: 0,
  }
}

interface ValidationItem {
  field?: string
  message: string
}

/**
 * Any failure a method can report. `code` is the wire code as is (v3 codes carry their
 * `BITRIX_REST_V3_EXCEPTION_` prefix); `extra` adds keys some v2 methods send (placement.bind's `argument`).
 */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly validation?: ValidationItem[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export const V3 = 'BITRIX_REST_V3_EXCEPTION_'

export function v3Error(status: number, name: string, message: string, validation?: ValidationItem[]): RestError {
  return new RestError(status, V3 + name, message, validation)
}

/** The common REST 3.0 "request object" validation failure for one field. */
export function v3Invalid(field: string | undefined, message: string): RestError {
  return v3Error(400, 'VALIDATION_REQUESTVALIDATIONEXCEPTION', 'Error during request object validation', [
    field === undefined ? { message } : { field, message },
  ])
}

export function v3Dto(field: string, message: string): RestError {
  return v3Error(400, 'VALIDATION_DTOVALIDATIONEXCEPTION', 'Error during object validation', [{ field, message }])
}

export function v2ErrorBody(error: RestError): Record<string, unknown> {
  return { error: error.code, error_description: error.message, ...error.extra }
}

export function v3ErrorBody(error: RestError): Record<string, unknown> {
  const body: Record<string, unknown> = { code: error.code, message: error.message }
  if (error.validation) body['validation'] = error.validation
  return { error: body }
}

/** System errors shared by every method (reference §8.5). */
export const systemErrors = {
  noAuth: () => new RestError(401, 'NO_AUTH_FOUND', 'Wrong authorization data'),
  invalidToken: () => new RestError(401, 'invalid_token', 'The access token provided is invalid.'),
  expiredToken: () => new RestError(401, 'expired_token', 'The access token provided has expired.'),
  queryLimit: () => new RestError(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'),
  internal: () => new RestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'),
  methodNotFound: () => new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'),
  insufficientScope: () => new RestError(403, 'insufficient_scope', 'The request requires higher privileges than provided by the webhook token'),
}

/**
 * PHP's json_encode turns an array with keys 0..n-1 into a JSON list and an empty array into
 * `[]`; batch answers keyed by row show that, so the portal mimics it.
 */
export function phpMap(entries: Map<string, unknown>): unknown {
  if (entries.size === 0) return []
  const keys = [...entries.keys()]
  if (keys.every((key, index) => key === String(index))) return [...entries.values()]
  return Object.fromEntries(entries)
}
