import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { boundQueries } from '../../../platform/bound-queries'
import type { PortalClient } from '../../../b24/portal-client'
import { toAuthor } from '../../../chat/map-history'
import { WireUser } from '../../../chat/wire'
import type { Author } from '../../../chat/types'

/** im.dialog.users.list (v2): the chat's people, up to 200 — what a task chat holds. */
async function getMembers(client: PortalClient, chatId: number): Promise<Author[]> {
  const raw = await client.callV2('im.dialog.users.list', { DIALOG_ID: `chat${chatId}`, LIMIT: 200, SKIP_EXTERNAL: 'Y' })
  const rows = Array.isArray(raw) ? raw : []
  return rows.flatMap((row) => {
    const parsed = v.safeParse(WireUser, row)
    return parsed.success ? [toAuthor(parsed.output)] : []
  })
}

/**
 * im.dialog.users.list (v2), bots included: whether the app's bot is in the chat already (then it
 * may post there whoever the viewer is). Past the first 200 people: not known, so no.
 */
async function hasMember(client: PortalClient, chatId: number, userId: number): Promise<boolean> {
  const raw = await client.callV2('im.dialog.users.list', { DIALOG_ID: `chat${chatId}`, LIMIT: 200 })
  return (Array.isArray(raw) ? raw : []).some((row) => {
    const parsed = v.safeParse(WireUser, row)
    return parsed.success && parsed.output.id === userId
  })
}

/** Query keys and functions of the composer, bound to the portal client once. */
export const useComposerQueries = boundQueries((client: PortalClient) => ({
  members: (chatId: number) =>
    queryOptions({
      queryKey: ['composer', 'members', chatId] as const,
      queryFn: () => getMembers(client, chatId),
      staleTime: 5 * 60_000,
    }),
  hasMember: (chatId: number, userId: number) =>
    queryOptions({
      queryKey: ['composer', 'has-member', chatId, userId] as const,
      queryFn: () => hasMember(client, chatId, userId),
      staleTime: 5 * 60_000,
    }),
}))
