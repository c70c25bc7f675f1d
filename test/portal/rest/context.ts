/** What a method handler gets: the store, the caller and a way to change state durably. */
import type { Conditions } from '../conditions.ts'
import type { FileBlobs } from '../file-blobs.ts'
import type { Mutation } from '../mutations.ts'
import type { Store } from '../state.ts'

export type Params = Record<string, unknown>

export interface CallContext {
  readonly store: Store
  /** The user the access token belongs to. */
  readonly userId: number
  /** Scheme + host the caller used, for absolute avatar and file URLs. */
  readonly origin: string
  readonly conditions: Conditions
  /** Journal the change, then apply it. */
  mutate(m: Mutation): void
  /** Where uploaded files' bytes go (written before their record is journalled). */
  readonly blobs: FileBlobs
  /** unix seconds */
  now(): number
}

export type Handler = (ctx: CallContext, params: Params) => unknown

export interface MethodDef {
  handler: Handler
  /** REST 3.0 writes honour the Idempotency-Key header. */
  write?: boolean
  /** Missing on a legacy portal (Conditions.legacyIm): answers ERROR_METHOD_NOT_FOUND there. */
  modernOnly?: boolean
}

/** A v2 list answer: `total`/`next` travel beside `result`. */
export class ListResult {
  constructor(
    readonly result: unknown,
    readonly total: number,
    readonly next?: number,
  ) {}
}
