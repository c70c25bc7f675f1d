import { isPortalError } from './portal-error'

/**
 * After a failed write: may it have been carried out all the same? No answer (network, timeout), a
 * server error of any code (500 SENDING_FAILED, 503 OVERLOAD_LIMIT, …: the portal may fail after it
 * saved), or a failure we cannot read. Then the caller looks for the write before it tries again.
 */
export function mayHaveLanded(error: unknown): boolean {
  if (!isPortalError(error)) return true
  if (error.status >= 500) return true
  return error.kind === 'network' || error.kind === 'unavailable' || error.kind === 'unknown'
}
