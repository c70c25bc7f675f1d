import type { PortalClient } from '../b24/portal-client'
import { mayHaveLanded } from '../b24/write-outcome'
import { toHistoryPage } from './map-history'
import type { ChatFile, Message } from './types'

/** How many messages after the baseline are looked through: more than one person types in the time of one failed write. */
const LOOK_LIMIT = 50

/**
 * What an earlier write may have left in the chat: the first message after `afterId` (the newest id
 * the feed had when the write was first tried) that `pick` recognizes, as `pick` answers it; read
 * with im.dialog.messages.get (v2, FIRST_ID). A FIRST_ID read comes in no set order (im/lib/chat.php
 * asks for none): the page is sorted, so the oldest match, the first attempt's, is the one found.
 */
export async function findLanded<T>(
  client: PortalClient,
  chatId: number,
  afterId: number,
  pick: (message: Message, files: ReadonlyMap<number, ChatFile>) => T | null,
): Promise<T | null> {
  const raw = await client.callV2('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, FIRST_ID: afterId, LIMIT: LOOK_LIMIT })
  const page = toHistoryPage(raw, chatId)
  const files = new Map(page.files.map((file) => [file.id, file]))
  for (const message of page.messages) {
    const found = message.id > afterId ? pick(message, files) : null
    if (found !== null) return found
  }
  return null
}

export interface Delivery<T> {
  /** The write itself: a send, an upload. Never repeated here. */
  write(): Promise<T>
  /** Looks in the chat for what an earlier attempt (or this one) may have left; null when nothing. */
  look(): Promise<T | null>
  /** The last attempt's outcome is unknown (no answer, a server error, a reload mid-way): look before writing. */
  outcomeUnknown: boolean
  /** The user cancelled the write: its failure is theirs, nothing is looked for. */
  cancelled?(): boolean
}

/**
 * A write to the chat that never lands twice: after an attempt whose outcome is unknown, the chat is
 * looked at before writing again; a write that fails in a way that may have landed all the same
 * (mayHaveLanded: no answer, a server error of any code) is looked for at once (a read, never a
 * second write), so what is in the chat does not also show as failed beside itself.
 */
export async function deliverOnce<T>({ write, look, outcomeUnknown, cancelled }: Delivery<T>): Promise<T> {
  if (outcomeUnknown) {
    const found = await look()
    if (found !== null) return found
  }
  try {
    return await write()
  } catch (error) {
    if (cancelled?.() || !mayHaveLanded(error)) throw error
    const found = await look().catch(() => null)
    if (found !== null) return found
    throw error
  }
}
