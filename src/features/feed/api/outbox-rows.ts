import { ownMessage } from '../../../chat/own-message'
import type { PendingState } from '../../../chat/types'
import { rowAppender, type FeedRow } from './build-rows'

/** A message of the user's on its way, as the composer's outbox holds it (its OutboxItem fits). */
export interface OutgoingMessage {
  clientId: string
  text: string
  replyToId: number | null
  createdAt: number
  status: PendingState['status']
  /** The portal's id once it answered; the row keeps its key when the real copy arrives. */
  serverId: number | null
  error: { kind: string } | null
}

/**
 * The feed's rows with the user's own messages on their way appended, in the order typed, grouped
 * and parted by day as the feed's own rows are (a message typed after midnight starts a new day). A
 * sent message whose real copy has arrived keeps the key its pending row had (`arrivedKeys`), so it
 * turns from pending to real in place: no flicker, no reorder.
 */
export function withOutbox<T extends OutgoingMessage>(
  rows: FeedRow[],
  items: readonly T[],
  arrivedKeys: ReadonlyMap<number, string>,
  authorOf: (item: T) => number,
  timeZone?: string,
): FeedRow[] {
  const keys = new Map(arrivedKeys)
  for (const item of items) if (item.serverId !== null) keys.set(item.serverId, `c-${item.clientId}`)
  const keyed =
    keys.size === 0
      ? rows
      : rows.map((row) => {
          const key = keys.get(row.message.id)
          return key ? { ...row, key } : row
        })
  if (items.length === 0) return keyed
  const present = new Set(keyed.map((r) => r.message.id))
  const out = [...keyed]
  const append = rowAppender(out, timeZone)
  items.forEach((item, index) => {
    if (item.serverId !== null && present.has(item.serverId)) return
    const message = ownMessage({
      id: -(index + 1),
      chatId: out[out.length - 1]?.message.chatId ?? 0,
      authorId: authorOf(item),
      date: new Date(item.createdAt),
      text: item.text,
      replyToId: item.replyToId,
    })
    append(message, `c-${item.clientId}`, { clientId: item.clientId, status: item.status, errorKind: item.error?.kind ?? null })
  })
  return out
}
