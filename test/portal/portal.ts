/**
 * The local portal: seed + journal + tokens + reality switches behind one object. The HTTP
 * server (server.ts) is a thin layer over `handleRest`; tests and the host page use the rest.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MEMBER_ID, TokenStore, type TokenSet } from './auth.ts'
import { FileBlobs } from './file-blobs.ts'
import { DEFAULT_CONDITIONS, FailureInjector, mergeConditions, type Conditions } from './conditions.ts'
import { IdempotencyStore } from './idempotency.ts'
import { describeSkipped, Journal, type SkippedRecord } from './journal.ts'
import { applyEntry, type Mutation } from './mutations.ts'
import { LeakyBuckets } from './rate-limit.ts'
import { dispatch, type Engine, type RestAnswer, type RestRequest } from './rest/dispatch.ts'
import { avatarUrl } from './rest/format.ts'
import { seedStore } from './seed/index.ts'
import type { Store } from './state.ts'

export type { Conditions } from './conditions.ts'
export type { TokenSet } from './auth.ts'

export interface PortalUser {
  id: number
  name: string
  firstName: string
  lastName: string
  /** '' when the user has no photo; otherwise a path on the portal origin. */
  avatar: string
  color: string
  isAdmin: boolean
  bot: boolean
}

interface PortalTask {
  id: number
  title: string
  chatId: number | null
  memberIds: number[]
}

export interface Portal {
  issueToken(userId: number): TokenSet
  /** Rotates: the old access token stops working. null for an unknown refresh token. */
  refresh(refreshId: string): TokenSet | null
  /** Back to the seed and the start-up conditions; the journal is cleared. Tokens stay valid. */
  reset(): void
  setConditions(p: Partial<Conditions>): Conditions
  readonly conditions: Conditions
  getUser(id: number): PortalUser | undefined
  getTask(id: number): PortalTask | undefined
  /** Sets a user's read mark in a chat exactly, backwards too (a test's control; the app uses im.dialog.read). */
  setReadMark(chatId: number, userId: number, messageId: number): void
  /** The app finished installing (what the host page does on `setInstallFinish`). */
  markInstalled(installed?: boolean): void
  readonly installed: boolean
  memberId: string
}

/** `<repo>/.portal-data/` */
const DEFAULT_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.portal-data')

export class LocalPortal implements Portal, Engine {
  store: Store
  conditions: Conditions
  readonly tokens = new TokenStore()
  readonly buckets = new LeakyBuckets()
  readonly failures = new FailureInjector()
  readonly idempotency = new IdempotencyStore()
  readonly memberId = MEMBER_ID
  /** Bytes of uploaded files, beside the journal. */
  readonly blobs: FileBlobs
  /** The journal's lines this start could not replay, each reported on stderr. */
  readonly journalSkipped: readonly SkippedRecord[]
  private readonly journal: Journal
  private readonly initialConditions: Conditions

  constructor(opts: { dataDir?: string; conditions?: Partial<Conditions> } = {}) {
    this.journal = new Journal(opts.dataDir ?? DEFAULT_DATA_DIR)
    this.blobs = new FileBlobs(opts.dataDir ?? DEFAULT_DATA_DIR)
    this.initialConditions = mergeConditions({ ...DEFAULT_CONDITIONS }, opts.conditions ?? {})
    this.conditions = { ...this.initialConditions }
    this.store = seedStore()
    // A bad record is reported and skipped (journal.ts); the portal starts with every good one.
    this.journalSkipped = this.journal.replay((entry) => applyEntry(this.store, entry))
    for (const skipped of this.journalSkipped) console.error(describeSkipped(this.journal.file, skipped))
  }

  mutate(m: Mutation): void {
    this.journal.append(m)
    applyEntry(this.store, m)
  }

  handleRest(req: RestRequest): RestAnswer {
    return dispatch(this, req)
  }

  issueToken(userId: number): TokenSet {
    if (!this.store.users.has(userId)) throw new Error(`no user ${userId}`)
    return this.tokens.issue(userId, this.conditions.tokenTtlS)
  }

  refresh(refreshId: string): TokenSet | null {
    return this.tokens.refresh(refreshId, this.conditions.tokenTtlS)
  }

  reset(): void {
    this.journal.clear()
    this.blobs.clear()
    this.store = seedStore()
    // Tokens survive: a reset is about data, and open tabs should keep working.
    this.buckets.clear()
    this.idempotency.clear()
    this.failures.reset()
    this.conditions = { ...this.initialConditions }
  }

  setConditions(p: Partial<Conditions>): Conditions {
    this.conditions = mergeConditions(this.conditions, p)
    return { ...this.conditions }
  }

  getUser(id: number): PortalUser | undefined {
    const user = this.store.users.get(id)
    if (!user) return undefined
    return {
      id: user.id,
      name: this.store.userName(id),
      firstName: user.firstName,
      lastName: user.lastName,
      avatar: avatarUrl(user, ''),
      color: user.color,
      isAdmin: user.isAdmin,
      bot: user.bot,
    }
  }

  getTask(id: number): PortalTask | undefined {
    const task = this.store.tasks.get(id)
    return task ? { id: task.id, title: task.title, chatId: task.chatId, memberIds: [...task.memberIds] } : undefined
  }

  setReadMark(chatId: number, userId: number, messageId: number): void {
    this.mutate({ op: 'read', chatId, userId, messageId })
  }

  markInstalled(installed = true): void {
    if (this.store.installed !== installed) this.mutate({ op: 'installed', value: installed })
  }

  get installed(): boolean {
    return this.store.installed
  }
}

export function createPortal(opts?: { dataDir?: string; conditions?: Partial<Conditions> }): Portal {
  return new LocalPortal(opts)
}
