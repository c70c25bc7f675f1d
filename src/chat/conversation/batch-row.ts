import { PortalError } from '../../b24/portal-error'
import type { BatchRow } from '../../b24/portal-client'

/** A batch row's answer, or its error (or a plain one when the portal sent no such row). */
export function rowData(row: BatchRow | undefined): unknown {
  if (row?.ok) return row.data
  throw row?.error ?? new PortalError('unknown', 'NO_PAGE_ROW', 'The portal sent no messages')
}
