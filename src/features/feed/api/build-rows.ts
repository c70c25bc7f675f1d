import { dateFormat } from '../../../i18n/formatters'
import type { Message, PendingState } from '../../../chat/types'

/**
 * One row of the virtualized list: a message, and the day separator that follows it when the next
 * message is on another day. Separators ride on the row *before* them so that loading older pages
 * only ever changes rows that are new: the scroll anchor (the oldest row on screen) keeps its size.
 */
export interface FeedRow {
  key: string
  message: Message
  /** Continues the previous message's author block: no second name and avatar. */
  continued: boolean
  /** The next row's day, when it differs from this one: drawn as a separator under this row. */
  nextDay: Date | null
  /** Set on the user's own messages still on their way. */
  pending?: PendingState
}

export interface FeedRows {
  rows: FeedRow[]
  /** The day of the oldest row, drawn above the list. */
  firstDay: Date | null
}

/*
 * One author's run is grouped as the messenger groups it (im.v2's message list: an author block
 * lasts while the author does, inside one day): however many minutes lie between the messages.
 * A notice, another author or a new day starts a new block. A 5-minute limit left one author's
 * messages 6 or 20 minutes apart each under its own name and photo.
 */

/**
 * The calendar day in the reader's zone: the browser's own from the date's local parts, with no
 * Intl formatter (the page's first costs tens of milliseconds to build, and the first frame groups
 * its rows before any date is shown); a named zone through one formatter per list (looking one up
 * per message costs more than the rows).
 */
function dayKeyOf(timeZone: string | undefined): (date: Date) => string {
  if (timeZone === undefined) return (date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`
  const format = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  return (date) => format.format(date)
}

/**
 * Appends rows one message at a time, the same way for the chat's messages and for the user's own
 * on their way: a new day puts a separator under the row before, and one author's quick messages
 * on one day read as one block.
 */
export function rowAppender(rows: FeedRow[], timeZone?: string) {
  const dayOf = dayKeyOf(timeZone)
  const last = rows[rows.length - 1]
  let previousDay = last ? dayOf(last.message.date) : ''
  return (message: Message, key: string, pending?: PendingState) => {
    const day = dayOf(message.date)
    const previous = rows[rows.length - 1]
    const newDay = day !== previousDay
    if (previous && newDay) rows[rows.length - 1] = { ...previous, nextDay: message.date }
    const continued = previous !== undefined && !newDay && !previous.message.isSystem && !message.isSystem && previous.message.authorId === message.authorId
    rows.push({ key, message, continued, nextDay: null, ...(pending && { pending }) })
    previousDay = day
  }
}

/**
 * Turns messages (oldest first) into rows. System messages are removed here, in data, when
 * hidden: hiding them with CSS would leave zero-height rows in the virtualizer.
 */
export function buildRows(messages: readonly Message[], showSystem: boolean, timeZone?: string): FeedRows {
  const rows: FeedRow[] = []
  const append = rowAppender(rows, timeZone)
  for (const message of messages) if (showSystem || !message.isSystem) append(message, `m-${message.id}`)
  return { rows, firstDay: rows[0]?.message.date ?? null }
}
