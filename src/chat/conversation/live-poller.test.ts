import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LivePoller } from './live-poller'
import { pollDelay, type PollerDeps, type PollOutcome } from './live-protocol'
import type { Read } from './reads'

/** The portal as the fake polls see it: each chat's newest message id (a higher one is a message that arrived). */
const newestIds = new Map<number, number>()

function pageOf(chatId: number): Read {
  const id = newestIds.get(chatId) ?? chatId * 10
  const message = { id } as Read['run']['messages'][number]
  return { run: { from: id, to: id, messages: [message], startReached: false, limitedByPlan: false, live: true }, authors: [], files: [] }
}

/** A page's visibility and focus, as the poller listens to them. */
function fakePage() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  const window = new EventTarget()
  return {
    document: document as unknown as Document,
    window: window as unknown as Window,
    hide(hidden: boolean) {
      document.visibilityState = hidden ? 'hidden' : 'visible'
      document.dispatchEvent(new Event('visibilitychange'))
    },
    focus: () => window.dispatchEvent(new Event('focus')),
  }
}

/** BroadcastChannels of one name (the tabs of one browser): each message reaches every other member, never the sender. */
function fakeChannels() {
  const members: EventTarget[] = []
  return () => {
    const self = new EventTarget()
    members.push(self)
    return Object.assign(self, {
      postMessage: (data: unknown) =>
        members.filter((m) => m !== self).forEach((m) => queueMicrotask(() => m.dispatchEvent(new MessageEvent('message', { data })))),
    }) as unknown as BroadcastChannel
  }
}

/** A tab showing `chats`: the polls it sends (the chats each asked for) and the pages each chat got. */
function tab(chats: number[], extra: Partial<PollerDeps> & { page?: ReturnType<typeof fakePage> } = {}) {
  const page = extra.page ?? fakePage()
  const polls: number[][] = []
  const landed = new Map<number, number>(chats.map((c) => [c, 0]))
  const statuses: unknown[] = []
  const p = new LivePoller({
    document: page.document,
    window: page.window,
    channel: undefined,
    now: () => Date.now(),
    read: async (ids) => (polls.push([...ids]), new Map<number, PollOutcome>(ids.map((id) => [id, { ok: true, read: pageOf(id) }]))),
    revive: (failure) => ({ revived: failure }),
    ...extra,
  })
  p.start()
  for (const chat of chats) p.watch(chat, { apply: () => (landed.set(chat, landed.get(chat)! + 1), false), onStatus: (e) => statuses.push(e) })
  return { p, page, polls, landed, statuses }
}

beforeEach(() => {
  vi.useFakeTimers()
  newestIds.clear()
})
afterEach(() => vi.useRealTimers())

describe('the live poller: cadence', () => {
  it('backs off while every chat is quiet: 2, 2, 4, 8, 16, then every 30 s', async () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(pollDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000])
    const { polls } = tab([1])
    await vi.advanceTimersByTimeAsync(2_000 + 2_000 + 4_000 + 8_000 + 16_000 + 30_000)
    expect(polls).toHaveLength(6)
    // A quiet minute afterwards costs two requests, each reading the newest page (there is no other re-read).
    await vi.advanceTimersByTimeAsync(60_000)
    expect(polls).toHaveLength(8)
  })

  it('polls every 2 s while messages arrive, and backs off once they stop', async () => {
    const { polls } = tab([1])
    for (let i = 0; i < 5; i++) {
      newestIds.set(1, 100 + i)
      await vi.advanceTimersByTimeAsync(2_000)
    }
    expect(polls).toHaveLength(5)
    // Quiet again: 2, 2, 4, 8 s apart, then 16.
    await vi.advanceTimersByTimeAsync(2_000 + 2_000 + 4_000 + 8_000)
    expect(polls).toHaveLength(9)
    await vi.advanceTimersByTimeAsync(15_000)
    expect(polls).toHaveLength(9)
  })

  it('after the reader acts: at once, then fast again', async () => {
    const { p, polls } = tab([1])
    await vi.advanceTimersByTimeAsync(70_000) // quiet: the last poll was at 62 s, the next is due at 92 s
    const before = polls.length
    p.pollNow(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(polls).toHaveLength(before + 1)
    // 2 s, then 4 s: the ladder starts again from the bottom (the 30 s poll would only be due at 92 s).
    await vi.advanceTimersByTimeAsync(2_000 + 4_000)
    expect(polls).toHaveLength(before + 3)
  })

  it('polls at once on focus, and stays at the quiet cadence', async () => {
    const { page, polls } = tab([1])
    await vi.advanceTimersByTimeAsync(70_000)
    const before = polls.length
    page.focus()
    await vi.advanceTimersByTimeAsync(0)
    expect(polls).toHaveLength(before + 1)
    // Clicking into the card is not a conversation: no ladder of fast polls after it.
    await vi.advanceTimersByTimeAsync(16_000)
    expect(polls).toHaveLength(before + 1)
  })

  it('does nothing while hidden, and polls at once on becoming visible', async () => {
    const { page, polls } = tab([1])
    await vi.advanceTimersByTimeAsync(2_000)
    page.hide(true)
    const before = polls.length
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(polls).toHaveLength(before)
    page.hide(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(polls).toHaveLength(before + 1)
  })
})

describe('the live poller: one per browser', () => {
  it('five cards of five chats: the oldest tab reads all five in one request a cycle, as many as one card alone costs', async () => {
    const alone = tab([1])
    await vi.advanceTimersByTimeAsync(3 * 60_000)
    const aloneCount = alone.polls.length
    alone.p.stop()

    const channel = fakeChannels()
    const tabs = [tab([1], { channel: channel() })]
    for (const chat of [2, 3, 4, 5]) {
      await vi.advanceTimersByTimeAsync(100)
      tabs.push(tab([chat], { channel: channel() }))
    }
    await vi.advanceTimersByTimeAsync(3 * 60_000 - 400)
    const [leader, ...others] = tabs
    for (const other of others) expect(other.polls).toEqual([])
    expect(leader!.polls.length).toBe(aloneCount)
    expect(leader!.polls.at(-1)!.sort()).toEqual([1, 2, 3, 4, 5])
    // Each tab got its own chat's page from every poll that asked for it.
    for (const [i, other] of others.entries()) expect(other.landed.get(i + 2)).toBe(leader!.polls.filter((chats) => chats.includes(i + 2)).length)
  })

  it('two tabs of one chat: the chat is read once a cycle and both tabs get its page', async () => {
    const channel = fakeChannels()
    const first = tab([1], { channel: channel() })
    await vi.advanceTimersByTimeAsync(100)
    const second = tab([1], { channel: channel() })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(second.polls).toEqual([])
    expect(first.polls.every((chats) => chats.length === 1 && chats[0] === 1)).toBe(true)
    expect(second.landed.get(1)).toBe(first.polls.length)
    expect(first.landed.get(1)).toBe(first.polls.length)
  })

  it('a failed poll is said in every tab, and so is the next that answers', async () => {
    const channel = fakeChannels()
    let down = true
    const failing: Partial<PollerDeps> = {
      read: async () => {
        if (down) throw Object.assign(new Error('Failed to fetch'), { kind: 'network', code: 'NETWORK', status: 0 })
        return new Map<number, PollOutcome>([1, 2].map((id) => [id, { ok: true, read: pageOf(id) }]))
      },
    }
    const first = tab([1], { channel: channel(), ...failing })
    await vi.advanceTimersByTimeAsync(100)
    const second = tab([2], { channel: channel() })
    await vi.advanceTimersByTimeAsync(2_000)
    expect((first.statuses.at(-1) as { kind: string }).kind).toBe('network')
    expect(second.statuses.at(-1)).toEqual({ revived: { kind: 'network', code: 'NETWORK', message: 'Failed to fetch', status: 0 } })
    down = false
    await vi.advanceTimersByTimeAsync(2_000)
    expect([first.statuses.at(-1), second.statuses.at(-1)]).toEqual([null, null])
  })

  it('a message arriving in any chat makes the cadence fast for the one poll', async () => {
    const channel = fakeChannels()
    const first = tab([1], { channel: channel() })
    await vi.advanceTimersByTimeAsync(100)
    tab([2], { channel: channel() })
    await vi.advanceTimersByTimeAsync(63_000) // quiet polls at 2, 4, 8, 16, 32 and 62 s
    const before = first.polls.length
    newestIds.set(2, 500)
    await vi.advanceTimersByTimeAsync(30_000) // the quiet poll at 92 s brings it
    const at = first.polls.length
    expect(at).toBeGreaterThan(before)
    await vi.advanceTimersByTimeAsync(2_000 + 2_000)
    expect(first.polls.length - at).toBe(2)
  })

  it('a follower asks the leader to poll at once when its reader acts', async () => {
    const channel = fakeChannels()
    const first = tab([1], { channel: channel() })
    await vi.advanceTimersByTimeAsync(100)
    const second = tab([2], { channel: channel() })
    await vi.advanceTimersByTimeAsync(70_000)
    const before = first.polls.length
    second.p.pollNow(true)
    await vi.advanceTimersByTimeAsync(10)
    expect(first.polls).toHaveLength(before + 1)
    expect(second.polls).toEqual([])
  })

  it('takes over when the leader is hidden (without its chat), and again when the leader closes', async () => {
    const channel = fakeChannels()
    const first = tab([1], { channel: channel() })
    await vi.advanceTimersByTimeAsync(100)
    const second = tab([2], { channel: channel() })
    await vi.advanceTimersByTimeAsync(100)
    const third = tab([3], { channel: channel() })
    await vi.advanceTimersByTimeAsync(10_000)
    expect([second.polls, third.polls]).toEqual([[], []])

    first.page.hide(true)
    await vi.advanceTimersByTimeAsync(10)
    const led = first.polls.length
    await vi.advanceTimersByTimeAsync(30_000)
    expect(first.polls).toHaveLength(led)
    expect(third.polls).toEqual([])
    expect(second.polls.length).toBeGreaterThan(0)
    expect(second.polls.at(-1)!.sort()).toEqual([2, 3])

    second.p.stop()
    await vi.advanceTimersByTimeAsync(10)
    const took = third.polls.length
    expect(took).toBeGreaterThan(0) // at once
    await vi.advanceTimersByTimeAsync(31_000)
    expect(third.polls.length).toBeGreaterThan(took)
    expect(third.polls.at(-1)).toEqual([3])
  })

  it('takes over within the peer timeout when the leader goes without a word', async () => {
    const channel = fakeChannels()
    const first = tab([1], { channel: channel() })
    await vi.advanceTimersByTimeAsync(100)
    const second = tab([2], { channel: channel() })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(second.polls).toEqual([])
    // The first tab's page is frozen (a crash, a discarded tab): nothing more comes from it.
    ;(first.page.document as unknown as { visibilityState: string }).visibilityState = 'hidden'
    await vi.advanceTimersByTimeAsync(15_000)
    expect(second.polls.length).toBeGreaterThan(0)
  })
})
