import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LivePoller, pollDelay, type PollerDeps } from './live-poller'
import type { Read } from './reads'

const EMPTY: Read = { run: { from: 1, to: 1, messages: [], startReached: false, limitedByPlan: false, live: true }, authors: [], files: [] }

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

/** BroadcastChannels of one name: each message reaches every other member, never the sender. */
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

function poller(page: ReturnType<typeof fakePage>, extra: Partial<PollerDeps> = {}) {
  const reads: string[] = []
  const applied: Read[] = []
  const p = new LivePoller({
    document: page.document,
    window: page.window,
    channel: undefined,
    now: () => Date.now(),
    read: async (kind) => (reads.push(kind), EMPTY),
    apply: (read) => (applied.push(read), false),
    onStatus: () => {},
    ...extra,
  })
  p.start()
  return { p, reads, applied }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('the live poller', () => {
  it('backs off while the chat is quiet: 2, 2, 4, 8, 16, then every 30 s', async () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(pollDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000])
    const { reads } = poller(fakePage())
    await vi.advanceTimersByTimeAsync(2_000 + 2_000 + 4_000 + 8_000 + 16_000 + 30_000)
    expect(reads).toHaveLength(6)
    // A quiet minute afterwards costs two requests, each re-reading the newest page.
    await vi.advanceTimersByTimeAsync(60_000)
    expect(reads.slice(6)).toEqual(['newest', 'newest'])
  })

  it('polls at once on focus, reading the newest page whole, and stays at the quiet cadence', async () => {
    const page = fakePage()
    const { reads } = poller(page)
    // The last quiet poll was at 62 s: focus comes eight seconds after it.
    await vi.advanceTimersByTimeAsync(70_000)
    const before = reads.length
    page.focus()
    await vi.advanceTimersByTimeAsync(0)
    expect(reads).toHaveLength(before + 1)
    expect(reads.at(-1)).toBe('newest')
    // Clicking into the card is not a conversation: no ladder of fast polls after it.
    await vi.advanceTimersByTimeAsync(16_000)
    expect(reads).toHaveLength(before + 1)
  })

  it('does nothing while hidden, and polls at once on becoming visible', async () => {
    const page = fakePage()
    const { reads } = poller(page)
    await vi.advanceTimersByTimeAsync(2_000)
    page.hide(true)
    const before = reads.length
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(reads).toHaveLength(before)
    page.hide(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(reads).toHaveLength(before + 1)
  })

  it('polls once for two tabs of one chat; the other tab is fed what it reads, and takes over when it is hidden', async () => {
    const channel = fakeChannels()
    const first = fakePage()
    const second = fakePage()
    const a = poller(first, { channel: channel() })
    await vi.advanceTimersByTimeAsync(500) // the second tab opens later: the first keeps polling
    const b = poller(second, { channel: channel() })
    await vi.advanceTimersByTimeAsync(2_000 + 2_000 + 4_000)
    expect(a.reads.length).toBeGreaterThan(2)
    expect(b.reads).toHaveLength(0)
    expect(b.applied).toHaveLength(a.reads.length)
    first.hide(true)
    await vi.advanceTimersByTimeAsync(0)
    const led = a.reads.length
    await vi.advanceTimersByTimeAsync(8_000)
    expect(a.reads).toHaveLength(led)
    expect(b.reads.length).toBeGreaterThan(0)
  })
})
