/**
 * Bitrix24 counts requests in one leaky bucket per portal and source address
 * (settings/performance/limits.md: 50 may burst, 2 drain per second), so every tab of this browser,
 * and every colleague behind the same office address, draws on the same bucket. Paging back through
 * history is the one thing a reader can make fast and long, so background requests are paced here,
 * across all tabs of the browser together: a fling in two tabs never drains the bucket that sending
 * and results (never paced) also use.
 *
 * The pace is a mirror of the bucket kept by every tab (GCRA: `tat` is when the mirrored bucket is
 * empty again): a burst may go at once, then one request every `gapMs`. Each tab tells the others of
 * every slot it takes over a BroadcastChannel, and a new tab asks them where the pace stands. (Web
 * Locks with localStorage would be exact, but a Bitrix24 app runs in a third-party frame, where
 * browsers that block third-party storage deny both; a BroadcastChannel works there.) Two tabs that
 * take a slot in the same instant both go: the slots are counted in both all the same, so the pace
 * over time holds and the bucket's headroom takes the overlap. Without a channel the pace is per tab.
 */

/** What a pacer needs of a BroadcastChannel. */
export type PacerChannel = Pick<BroadcastChannel, 'postMessage' | 'addEventListener'>

interface PacerOptions {
  /** Slots after the burst are this far apart. */
  gapMs: number
  /** How many may go at once after a quiet spell (1: none closer than `gapMs`). */
  burst?: number
  /** Shared by the tabs of one portal; absent, the pace is this tab's alone. */
  channel?: PacerChannel | undefined
  now?: () => number
}

type Note = { type: 'took'; start: number } | { type: 'hello' } | { type: 'state'; tat: number }

function noteOf(data: unknown): Note | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const note = data as Record<string, unknown>
  if (note['type'] === 'hello') return { type: 'hello' }
  if (note['type'] === 'took' && typeof note['start'] === 'number') return { type: 'took', start: note['start'] }
  if (note['type'] === 'state' && typeof note['tat'] === 'number') return { type: 'state', tat: note['tat'] }
  return undefined
}

const MAX_AHEAD_MS = 5 * 60_000

type Pacer = <T>(run: () => Promise<T>) => Promise<T>

export function createPacer({ gapMs, burst = 1, channel, now = Date.now }: PacerOptions): Pacer {
  const tolerance = (Math.max(1, burst) - 1) * gapMs
  let tat = 0
  const take = (start: number) => (tat = Math.max(tat, start) + gapMs)
  // A slot or a pace further ahead than a long fling could reach is a broken note: heeded, it would stop paging in every tab.
  const sane = (at: number) => at <= now() + MAX_AHEAD_MS
  channel?.addEventListener('message', (event) => {
    const note = noteOf((event as MessageEvent).data)
    if (note?.type === 'took' && sane(note.start)) take(note.start)
    else if (note?.type === 'hello') channel.postMessage({ type: 'state', tat } satisfies Note)
    else if (note?.type === 'state' && sane(note.tat)) tat = Math.max(tat, note.tat)
  })
  channel?.postMessage({ type: 'hello' } satisfies Note)

  return async function paced<T>(run: () => Promise<T>): Promise<T> {
    const at = now()
    const start = Math.max(at, tat - tolerance)
    take(start)
    channel?.postMessage({ type: 'took', start } satisfies Note)
    if (start > at) await new Promise((resolve) => setTimeout(resolve, start - at))
    return run()
  }
}

/**
 * The portal this frame belongs to: Bitrix24 names the app's frame DOMAIN|PROTOCOL|APP_SID (what the
 * SDK reads too); failing that, the page that framed it.
 */
function portalKey(): string {
  const domain = window.name.includes('|') ? window.name.split('|')[0] : ''
  if (domain) return domain
  try {
    return new URL(document.referrer).origin
  } catch {
    return location.origin
  }
}

/** One channel per portal, for the bucket is the portal's; none where the browser has no BroadcastChannel. */
function portalChannel(): PacerChannel | undefined {
  if (typeof BroadcastChannel !== 'function' || typeof document === 'undefined') return undefined
  try {
    const channel = new BroadcastChannel(`task-chat:pacer:${portalKey()}`)
    // Node's channel (component tests) would keep a finished test process alive; browsers have no unref.
    ;(channel as { unref?: () => void }).unref?.()
    return channel
  } catch {
    return undefined
  }
}

/**
 * One request every 550 ms, never two closer: no second holds more than 2, the portal's drain, however
 * the reader pauses and flings. (A burst allowance refilled while the reader pauses let a fling after
 * a pause send 3 in one second.) The bucket's 50 stay for what the user does, which is not paced.
 */
const BACKGROUND_GAP_MS = 550
const BACKGROUND_BURST = 1

/**
 * The app's background requests (history pages, live polls, read marks, file links, re-reads) in
 * every tab share this pace. Made when the app loads, so a new tab has heard where the pace stands
 * before its first paced request (which comes after the opening's round trip). What the user does
 * (the opening, send, make a result) is not delayed by it.
 */
export const backgroundPacer: Pacer = createPacer({ gapMs: BACKGROUND_GAP_MS, burst: BACKGROUND_BURST, channel: portalChannel() })
