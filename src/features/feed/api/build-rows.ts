import type { Message } from '../types'

/** What the virtualized list draws, top to bottom. Keys are stable across prepends and filter toggles. */
export type FeedRow =
  | { kind: 'day'; key: string; date: Date }
  | { kind: 'message'; key: string; message: Message; continued: boolean }

/** Two messages by one author this close together read as one block: no second name and avatar. */
const GROUP_GAP_MS = 5 * 60_000

function dayKey(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
}

/**
 * Turns messages (oldest first) into rows: a day separator where the calendar day changes (in the
 * reader's time zone) and, per message, whether it continues the previous author's block.
 * System messages are removed here, in data, when hidden: hiding them with CSS would leave
 * zero-height rows in the virtualizer.
 */
export function buildRows(messages: readonly Message[], showSystem: boolean, timeZone?: string): FeedRow[] {
  const rows: FeedRow[] = []
  let previous: Message | undefined
  let currentDay = ''
  for (const message of messages) {
    if (!showSystem && message.isSystem) continue
    const day = dayKey(message.date, timeZone)
    if (day !== currentDay) {
      rows.push({ kind: 'day', key: `day-${day}`, date: message.date })
      currentDay = day
      previous = undefined
    }
    const continued =
      previous !== undefined &&
      !previous.isSystem &&
      !message.isSystem &&
      previous.authorId === message.authorId &&
      message.date.getTime() - previous.date.getTime() < GROUP_GAP_MS
    rows.push({ kind: 'message', key: `m-${message.id}`, message, continued })
    previous = message
  }
  return rows
}

/** Messages merged from several sources (history pages, live polls), by id, oldest first, no duplicates. */
export function mergeMessages(...lists: readonly (readonly Message[])[]): Message[] {
  const byId = new Map<number, Message>()
  for (const list of lists) for (const m of list) byId.set(m.id, m)
  return [...byId.values()].sort((a, b) => a.id - b.id)
}
