import * as v from 'valibot'
import type { BatchRow, Params } from '../../b24/portal-client'
import { toHistoryPage } from '../map-history'
import type { Message } from '../types'
import { WireDialogReadState } from '../wire'
import { chainedId } from './chained-id'
import { mapNewerPage, type Read } from './reads'

/** Where the viewer stopped reading, as the card opened. */
export interface UnreadState {
  /** The first message the viewer had not read; null when they had read everything. */
  firstUnreadId: number | null
  /** The newest message the portal knows they read: the read mark moves on from here. */
  lastReadId: number
  /** The first unread message came in the newest page: the card opens on the live run. */
  inLiveRun: boolean
}

/** As many unread messages as the opening reads at once (im.dialog.messages.get's LIMIT at most). */
const UNREAD_PAGE = 50

/**
 * The opening batch's rows for the read state, chained off the task row like the history page:
 * `dialog` (im.dialog.get, v2) says the last message the viewer read, and `unread`
 * (im.dialog.messages.get, v2, FIRST_ID) reads the unread messages from there on, oldest first,
 * so a card with more unread than one page still opens at the first of them in one round trip.
 * `unread` is used only when `dialog` answered a `last_id` (toUnread), so what an unresolved
 * reference becomes never matters (chained-id.ts).
 */
export function unreadRows(chatRef: string): Record<'dialog' | 'unread', [string, Params]> {
  return {
    dialog: ['im.dialog.get', { DIALOG_ID: `chat${chatRef}` }],
    unread: ['im.dialog.messages.get', { DIALOG_ID: `chat${chatRef}`, FIRST_ID: chainedId('dialog', '[last_id]'), LIMIT: UNREAD_PAGE }],
  }
}

const firstUnread = (messages: readonly Message[], viewerId: number) => messages.find((m) => m.unread && m.authorId !== viewerId)?.id

/**
 * The read state from the opening's rows and its newest page, and the unread messages read beyond
 * that page, if any. Both rows are optional: without them the newest page's own `unread` flags
 * place the divider (at its oldest unread message), and the mark starts just below it.
 */
export function toUnread(rows: Record<string, BatchRow | undefined>, newest: Read, chatId: number, viewerId: number): { state: UnreadState; read?: Read } {
  const dialog = rows['dialog']?.ok ? v.safeParse(WireDialogReadState, rows['dialog'].data) : undefined
  const lastRead = dialog?.success ? (dialog.output.last_id ?? undefined) : undefined
  const unreadRow = rows['unread']
  const read =
    lastRead !== undefined && unreadRow?.ok && (dialog?.success ? (dialog.output.counter ?? 1) : 0) > 0
      ? mapNewerPage(toHistoryPage(unreadRow.data, chatId), lastRead, UNREAD_PAGE)
      : undefined
  const inPage = firstUnread(newest.run.messages, viewerId)
  const beyond = read ? firstUnread(read.run.messages, viewerId) : undefined
  const first = beyond ?? inPage ?? null
  const newestId = newest.run.messages.at(-1)?.id ?? 0
  return {
    state: {
      firstUnreadId: first,
      lastReadId: lastRead ?? (first === null ? newestId : first - 1),
      inLiveRun: first === null || newest.run.messages.some((m) => m.id === first) || read?.run.live === true,
    },
    read: read && read.run.messages.length > 0 ? read : undefined,
  }
}
