import { AjaxError, SdkError } from '@bitrix24/b24jssdk'
import { kindOf, PortalError, type ValidationDetail } from './portal-error'

/** Turns whatever the SDK threw or reported into our PortalError (already-converted errors pass). */
export function toPortalError(error: unknown): PortalError {
  if (error instanceof PortalError) return error
  if (error instanceof AjaxError) {
    const validation: ValidationDetail[] = (error.validation ?? []).map((v) => ({ field: v.field, message: v.message }))
    return new PortalError(kindOf(error.code, error.status), error.code, error.message, error.status, validation)
  }
  if (error instanceof SdkError) {
    return new PortalError(kindOf(error.code, error.status), error.code, error.message, error.status)
  }
  const message = error instanceof Error ? error.message : String(error)
  return new PortalError('unknown', 'UNKNOWN', message)
}
