import * as v from 'valibot'
import type { PortalClient } from '../b24/portal-client'
import type { Author } from './types'
import { toAuthor } from './map-history'
import { WireUser } from './wire'

/** im.user.list.get (v2): authors a history page did not bring, in one request. */
export async function getAuthors(client: PortalClient, ids: readonly number[]): Promise<Author[]> {
  const raw = await client.callV2('im.user.list.get', { ID: ids, RESULT_TYPE: 'array' })
  const rows = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : []
  return rows.flatMap((row) => {
    const parsed = v.safeParse(WireUser, row)
    return parsed.success ? [toAuthor(parsed.output)] : []
  })
}
