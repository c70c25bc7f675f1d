/**
 * What the browser's one live poller and its tabs share: the cadence, a chat's answer in a poll,
 * and the notes they send each other (live-poller.ts).
 */
import type { Read } from './reads'

/** Poll this often while messages are arriving or the reader acts (others' messages on screen within ~2 s)... */
export const FAST_MS = 2_000
/** ...and back off, doubling after each poll that brought nothing new, to this when every chat is quiet. */
export const QUIET_MS = 30_000

/** The delay before the next poll after `empty` polls in a row found nothing: 2, 2, 4, 8, 16, then 30 s. */
export function pollDelay(empty: number): number {
  return Math.min(QUIET_MS, FAST_MS * 2 ** Math.max(0, empty - 1))
}

/** One chat's answer in a poll: its newest page, or why the portal gave none. */
export type PollOutcome = { ok: true; read: Read } | { ok: false; error: unknown }

/** A chat a tab shows: what a read of its newest page does there. */
export interface ChatWatch {
  /**
   * Writes the read into the tab's cache; says whether it brought a message the tab did not hold.
   * `askedAt`: when the poll went out (a change the reader made after it is newer than the page).
   */
  apply(read: Read, askedAt: number): boolean
  onStatus(error: unknown): void
}

/** A failure as it crosses the channel: the fields of a PortalError (a structured clone keeps no class). */
export interface SharedFailure {
  kind: string
  code: string
  message: string
  status: number
}

export function toShared(error: unknown): SharedFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Partial<Record<keyof SharedFailure, unknown>>
  return { kind: String(e.kind ?? 'unknown'), code: String(e.code ?? ''), message: String(e.message ?? ''), status: Number(e.status ?? 0) }
}

export interface PollerDeps {
  /** The newest page of every chat given, in one request (a batch). */
  read(chatIds: readonly number[]): Promise<ReadonlyMap<number, PollOutcome>>
  document: Document
  window: Window
  /** One channel per portal and user: how the tabs of the browser find each other and share reads. */
  channel: BroadcastChannel | undefined
  now(): number
  /** A failure another tab's poll met, made an error of this tab again. */
  revive(failure: SharedFailure): unknown
}

/** What the tabs of a browser say to each other over the channel. */
export type Note =
  | { type: 'here'; id: string; chats: number[] }
  | { type: 'bye'; id: string }
  | { type: 'reads'; askedAt: number; reads: [number, Read][]; failed: [number, SharedFailure][] }
  | { type: 'poll-now'; fast: boolean }
