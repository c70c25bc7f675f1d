import { AjaxError } from '@bitrix24/b24jssdk'

/**
 * How reads wait out a busy portal. The SDK's own retries are off for every call (connect.ts): it
 * would repeat writes too. A read is safe to send again, so the client does it here, quietly, a few
 * times; then the failure reaches the caller as before and the UI tells the user.
 */
export interface ReadRetry {
  /** Sends in all, the first one included. */
  attempts: number
  /** How long to wait before attempt `attempt + 1` after this failure; null: do not send it again. */
  delayMs(error: unknown, attempt: number): number | null
}

/** The SDK's figures: a rate-limit wait is its bucket's refill (500 ms at 2/s) + 1 s, growing 1.5x; other faults 1 s, doubling. */
const RATE_LIMIT_MS = 1_500
const ERROR_MS = 1_000
/** A portal that asks for a longer pause than this gets it with the user told, not silently. */
const LONGEST_QUIET_WAIT_MS = 10_000

/** The portal's own hint, when its answer carries one (`Retry-After`, seconds or an HTTP date). */
function retryAfterMs(error: AjaxError): number | null {
  const original = (error as { originalError?: { response?: { headers?: Record<string, unknown> } } }).originalError
  const header = original?.response?.headers?.['retry-after']
  if (typeof header !== 'string' || header.trim() === '') return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now())
}

/** 503 of any code (QUERY_LIMIT_EXCEEDED, OVERLOAD_LIMIT, …) and other 5xx are waited out; PORTAL_DELETED is final. */
export function readRetryDelay(error: unknown, attempt: number): number | null {
  // JSSDK_* are the SDK's own failures, not the portal's answer.
  if (!(error instanceof AjaxError) || error.status < 500 || error.code === 'PORTAL_DELETED' || error.code.startsWith('JSSDK_')) return null
  const hint = retryAfterMs(error)
  if (hint !== null) return hint <= LONGEST_QUIET_WAIT_MS ? hint : null
  if (error.status === 503) return RATE_LIMIT_MS * 1.5 ** attempt
  const delay = ERROR_MS * 2 ** attempt
  return delay + delay * 0.1 * (Math.random() * 2 - 1)
}

/** Three sends in all, as the SDK's own maxRetries did for every call: reads keep their old patience. */
export const READ_RETRY: ReadRetry = { attempts: 3, delayMs: readRetryDelay }

/** Runs a read, sending it again after a passing server fault, at most `attempts` times in all. */
export async function withReadRetry<T>(retry: ReadRetry, read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read()
    } catch (error) {
      const wait = attempt + 1 < retry.attempts ? retry.delayMs(error, attempt) : null
      if (wait === null) throw error
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}
