/**
 * What the user has typed and not yet seen land in the chat, per task and user, kept (see
 * persistence.ts) so that a reload, a crash or a closed card loses nothing: the draft, the message
 * being replied to, and every message on its way (sending, failed, or sent but not yet back).
 */
/** 'waiting': typed after a message that failed; it goes once that one is sent or discarded, so the chat keeps the order typed. */
export type OutboxStatus = 'sending' | 'waiting' | 'failed' | 'sent'

export interface OutboxError {
  kind: string
  code: string
  message: string
}

export interface OutboxItem {
  clientId: string
  text: string
  replyToId: number | null
  asBot: boolean
  createdAt: number
  status: OutboxStatus
  serverId: number | null
  /** Newest message id the feed had at the first attempt: a copy of this text above it is ours. */
  baselineId: number
  error: OutboxError | null
  /** The last attempt may have reached the portal (network loss, server error): check before resending. */
  outcomeUnknown: boolean
}

/** A person chosen from the `@` picker: the box shows `@name`, the message sent carries the mention code. */
export interface DraftMention {
  id: number
  name: string
}

export interface OutboxState {
  draft: string
  /** Mentions chosen for the draft (kept with it, so they still work after a reload). */
  mentions?: DraftMention[]
  replyToId: number | null
  items: OutboxItem[]
  /** The portal would not let the app's bot into this chat: "Send as" is not offered here again. */
  botRefused?: boolean
}

import type { Persistence } from './persistence'

const EMPTY: OutboxState = { draft: '', replyToId: null, items: [] }

function read(persistence: Persistence, key: string): OutboxState {
  try {
    const raw = persistence.load(key)
    if (!raw) return EMPTY
    const stored = JSON.parse(raw) as OutboxState
    // A send that was in flight when the page went away has an unknown outcome: it shows as on its
    // way until the chat has been looked at (takeInterrupted).
    const items = stored.items.map((item) => (item.status === 'sending' ? { ...item, outcomeUnknown: true, error: null } : item))
    return { draft: stored.draft ?? '', mentions: stored.mentions ?? [], replyToId: stored.replyToId ?? null, items, botRefused: stored.botRefused === true }
  } catch {
    return EMPTY
  }
}

export class OutboxStore {
  private state: OutboxState
  private readonly listeners = new Set<() => void>()
  /**
   * Messages that arrived in the feed after being sent from here, by server id, with the row key
   * they were shown under while on their way: kept for the page's life so the row never re-keys.
   */
  readonly arrivedKeys = new Map<number, string>()

  /** Sends that were on their way when an earlier page went away: looked for once, by this page. */
  private interrupted: string[]

  constructor(
    readonly key: string,
    private readonly persistence: Persistence,
  ) {
    this.state = read(persistence, key)
    this.interrupted = this.state.items.filter((item) => item.status === 'sending').map((item) => item.clientId)
  }

  /**
   * The sends an earlier page left on their way, once: the caller looks for each in the chat (it
   * may have landed as the page went away) and settles it, or marks it failed with Retry.
   */
  takeInterrupted(): OutboxItem[] {
    const ids = this.interrupted
    this.interrupted = []
    return this.state.items.filter((item) => ids.includes(item.clientId) && item.status === 'sending')
  }

  get = (): OutboxState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  update(change: (state: OutboxState) => OutboxState): void {
    this.state = change(this.state)
    try {
      const empty =
        this.state.draft === '' && !this.state.mentions?.length && this.state.items.length === 0 && this.state.replyToId === null && !this.state.botRefused
      this.persistence.save(this.key, empty ? null : JSON.stringify(this.state))
    } catch {
      // Storage full or blocked: the state still lives for this page.
    }
    for (const listener of this.listeners) listener()
  }

  patchItem(clientId: string, patch: Partial<OutboxItem>): void {
    this.update((s) => ({ ...s, items: s.items.map((i) => (i.clientId === clientId ? { ...i, ...patch } : i)) }))
  }

  /** The sent message is in the feed now: forget it, but remember the key its row had. */
  settle(clientId: string, serverId: number): void {
    this.arrivedKeys.set(serverId, `c-${clientId}`)
    this.removeItem(clientId)
  }

  /**
   * The waiting messages that may go now, in the order typed: those before the first one still
   * failed. Each is marked 'sending' here, so it is released once; one queued behind a send that
   * then fails checks again when its turn comes (see use-send.ts) and goes back to waiting.
   */
  takeReleasable(): OutboxItem[] {
    const ready: OutboxItem[] = []
    for (const item of this.state.items) {
      if (item.status === 'failed') break
      if (item.status === 'waiting') ready.push(item)
    }
    for (const item of ready) this.patchItem(item.clientId, { status: 'sending' })
    return ready
  }

  /** Is anything typed before this message failed or held back? Then it must wait its turn. */
  blockedBefore(clientId: string): boolean {
    for (const item of this.state.items) {
      if (item.clientId === clientId) return false
      if (item.status === 'failed' || item.status === 'waiting') return true
    }
    return false
  }

  removeItem(clientId: string): void {
    this.update((s) => ({ ...s, items: s.items.filter((i) => i.clientId !== clientId) }))
  }
}

const stores = new Map<string, OutboxStore>()

/** One store per key per page, so every component sees the same state. */
export function outboxStore(key: string, persistence: Persistence): OutboxStore {
  let store = stores.get(key)
  if (!store) {
    store = new OutboxStore(key, persistence)
    stores.set(key, store)
  }
  return store
}
