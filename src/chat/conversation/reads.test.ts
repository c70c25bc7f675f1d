import { describe, expect, it } from 'vitest'
import type { HistoryPage, Message } from '../types'
import { mapNewerPage, mapOlderPage, joinWindow } from './reads'
import { aMessage } from '../test-message'

const msg = (id: number, isSystem = false): Message => aMessage(id, { isSystem })
const page = (ids: number[], extra: Partial<HistoryPage> = {}): HistoryPage => ({
  chatId: 1,
  messages: ids.map((id) => msg(id)),
  authors: [],
  files: [],
  ...extra,
})

describe('what one read covers', () => {
  it('the newest page is live and covers up to its newest message', () => {
    expect(mapOlderPage(page([40, 55, 90]), undefined).run).toMatchObject({ from: 40, to: 90, live: true, startReached: false })
  })

  it('an empty chat is live, and its start is reached', () => {
    expect(mapOlderPage(page([]), undefined).run).toMatchObject({ from: 0, to: 0, live: true, startReached: true })
  })

  it('a page older than an id covers everything below it down to its oldest message; an empty one reaches the start', () => {
    expect(mapOlderPage(page([10, 20]), 35).run).toMatchObject({ from: 10, to: 34, live: false, startReached: false })
    expect(mapOlderPage(page([]), 35).run).toMatchObject({ from: 0, to: 34, startReached: true })
  })

  it('the portal’s plan hiding what is older ends the history with a sentence', () => {
    expect(mapOlderPage(page([10, 20], { limitedByPlan: true }), 35).run).toMatchObject({ startReached: true, limitedByPlan: true })
  })

  it('a newer page shorter than asked reached the newest message; a full one did not', () => {
    expect(mapNewerPage(page([51, 60]), 50, 3).run).toMatchObject({ from: 51, to: 60, live: true })
    expect(mapNewerPage(page([51, 60, 70]), 50, 3).run).toMatchObject({ from: 51, to: 70, live: false })
    // Nothing new: the read still covers what it asked about (it touches the run it extends).
    expect(mapNewerPage(page([]), 50, 3).run).toMatchObject({ from: 51, to: 50, live: true })
    // FIRST_ID 0 may answer more, and older: only what is above the id counts.
    expect(mapNewerPage(page([40, 51]), 50, 3).run.messages.map((m) => m.id)).toEqual([51])
  })

  it('a window around a message covers both sides and includes it, whichever end of the newer page came first', () => {
    // FIRST_ID 320 answered 330 and 340 (limit 2: full); LAST_ID chained to its first message answered 300..330.
    const read = joinWindow(page([300, 310, 320, 330]), mapNewerPage(page([330, 340]), 320, 2))
    expect(read.run).toMatchObject({ from: 300, to: 340, live: false, startReached: false })
    expect(read.run.messages.map((m) => m.id)).toEqual([300, 310, 320, 330, 340])
    // Fewer than asked after it: the window reaches the newest message.
    expect(joinWindow(page([300, 320]), mapNewerPage(page([330]), 320, 2)).run.live).toBe(true)
  })
})
