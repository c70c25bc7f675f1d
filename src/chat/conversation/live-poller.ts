import type { Read } from './reads'

/** Poll this often while messages are arriving (others' messages on screen within ~2 s)... */
export const FAST_MS = 2_000
/** ...and back off, doubling after each empty poll, to this when the chat is quiet. */
export const QUIET_MS = 30_000
/** The newest page is read again this often, so edits, deletions and likes at the live end show. */
export const REREAD_MS = 25_000

/** The delay before the next poll after `empty` polls in a row found nothing: 2, 2, 4, 8, 16, then 30 s. */
export function pollDelay(empty: number): number {
  return Math.min(QUIET_MS, FAST_MS * 2 ** Math.max(0, empty - 1))
}

export interface PollerDeps {
  /** Reads what is new ('newer'), or the whole newest page again ('newest', which also shows changes). */
  read(kind: 'newer' | 'newest'): Promise<Read>
  /** Writes a read into this tab's cache; says whether it brought a message not seen before. */
  apply(read: Read): boolean
  onStatus(error: unknown): void
  /** Names the lock and the channel: one poller per browser for one chat of one user. */
  name: string
  document: Document
  window: Window
  locks: LockManager | undefined
  channel: BroadcastChannel | undefined
  now(): number
}

type Note = { type: 'read'; read: Read } | { type: 'poll-now' }

/**
 * The live end of one chat, for a whole browser: the visible tab that holds the Web Lock polls,
 * and sends what it reads to the other tabs over a BroadcastChannel; a tab without the lock only
 * listens, and asks the poller to poll at once when it gains focus or its user sends. Hidden
 * tabs give the lock up, so nothing polls while no tab shows the chat.
 */
export class LivePoller {
  private leader = false
  private empty = 0
  private lastReread: number
  private timer: ReturnType<typeof setTimeout> | undefined
  private inFlight = false
  private release: (() => void) | undefined
  private abort: AbortController | undefined
  private stopped = false
  /** Asked to poll while a poll was on its way: poll again right after it. */
  private again = false
  /** The opening has just read the newest page: the first poll waits one fast interval. */
  private opened = true

  constructor(private readonly deps: PollerDeps) {
    this.lastReread = deps.now()
  }

  start(): void {
    const { document, window, channel } = this.deps
    document.addEventListener('visibilitychange', this.onVisibility)
    window.addEventListener('focus', this.pollNow)
    channel?.addEventListener('message', this.onNote)
    this.onVisibility()
  }

  stop(): void {
    this.stopped = true
    const { document, window, channel } = this.deps
    document.removeEventListener('visibilitychange', this.onVisibility)
    window.removeEventListener('focus', this.pollNow)
    channel?.removeEventListener('message', this.onNote)
    this.resign()
  }

  /** Poll at once and fast again: focus, becoming visible, the user's own send. */
  readonly pollNow = (): void => {
    if (this.stopped || this.deps.document.visibilityState === 'hidden') return
    this.empty = 0
    if (this.leader) this.schedule(0)
    else this.deps.channel?.postMessage({ type: 'poll-now' } satisfies Note)
  }

  private readonly onVisibility = (): void => {
    if (this.deps.document.visibilityState === 'hidden') {
      this.resign()
      this.opened = false // back from hidden: poll at once
    }
    else if (!this.leader && !this.abort) this.campaign()
  }

  private readonly onNote = (event: MessageEvent<Note>): void => {
    if (event.data.type === 'read') {
      if (this.deps.apply(event.data.read)) this.empty = 0
    } else if (this.leader) this.pollNow()
  }

  /** Waits for the lock (another visible tab may hold it); without Web Locks every tab polls for itself. */
  private campaign(): void {
    const { locks } = this.deps
    if (!locks) return this.lead()
    const abort = (this.abort = new AbortController())
    locks
      .request(this.deps.name, { signal: abort.signal }, () => {
        this.lead()
        return new Promise<void>((resolve) => (this.release = resolve))
      })
      .catch(() => {}) // aborted while waiting: this tab was hidden or closed
    // A tab that waits asks the poller for a read at once: it has just become visible.
    this.deps.channel?.postMessage({ type: 'poll-now' } satisfies Note)
  }

  private lead(): void {
    this.leader = true
    this.schedule(this.opened ? FAST_MS : 0)
    this.opened = false
  }

  private resign(): void {
    this.leader = false
    clearTimeout(this.timer)
    this.abort?.abort()
    this.abort = undefined
    this.release?.()
    this.release = undefined
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.tick(), ms)
  }

  private async tick(): Promise<void> {
    if (!this.leader) return
    if (this.inFlight) {
      this.again = true
      return
    }
    this.inFlight = true
    const kind = this.deps.now() - this.lastReread >= REREAD_MS ? 'newest' : 'newer'
    try {
      const read = await this.deps.read(kind)
      if (kind === 'newest') this.lastReread = this.deps.now()
      this.empty = this.deps.apply(read) ? 0 : this.empty + 1
      this.deps.channel?.postMessage({ type: 'read', read } satisfies Note)
      this.deps.onStatus(null)
    } catch (error) {
      this.empty++
      this.deps.onStatus(error)
    } finally {
      this.inFlight = false
    }
    if (this.leader) this.schedule(this.again ? 0 : pollDelay(this.empty))
    this.again = false
  }
}
