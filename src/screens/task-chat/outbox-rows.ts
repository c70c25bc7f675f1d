import { GROUP_GAP_MS, type FeedRow } from '../../features/feed/api/build-rows'
import { ownMessage } from '../../chat/own-message'
import type { OutboxItem } from '../../features/composer/api/outbox-store'

/**
 * The feed's rows with the user's own messages on their way appended, in the order typed. A sent
 * message whose real copy has arrived keeps the key its pending row had (`arrivedKeys`), so it
 * turns from pending to real in place: no flicker, no reorder.
 */
export function withOutbox(rows: FeedRow[], items: OutboxItem[], arrivedKeys: ReadonlyMap<number, string>, authorOf: (item: OutboxItem) => number): FeedRow[] {
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
  let previous = out[out.length - 1]?.message
  items.forEach((item, index) => {
    if (item.serverId !== null && present.has(item.serverId)) return
    const message = ownMessage({
      id: -(index + 1),
      chatId: previous?.chatId ?? 0,
      authorId: authorOf(item),
      date: new Date(item.createdAt),
      text: item.text,
      replyToId: item.replyToId,
    })
    const continued =
      !!previous && !previous.isSystem && previous.authorId === message.authorId && message.date.getTime() - previous.date.getTime() < GROUP_GAP_MS
    out.push({
      key: `c-${item.clientId}`,
      message,
      continued,
      nextDay: null,
      pending: { clientId: item.clientId, status: item.status, errorKind: item.error?.kind ?? null },
    })
    previous = message
  })
  return out
}
