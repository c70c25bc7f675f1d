import type { AjaxResult, B24Frame } from '@bitrix24/b24jssdk'
import { SEND_IDEMPOTENCY_KEYS, trackIdempotencyKeys } from './idempotency-keys'
import { READ_RETRY, withReadRetry, type ReadRetry } from './read-retry'
import { toPortalError } from './to-portal-error'
import type { PortalError } from './portal-error'
import { trackTransfers, type TransferOptions } from './upload-transfers'

export type { TransferOptions } from './upload-transfers'

export type Params = Record<string, unknown>

interface WriteOptions {
  /**
   * REST 3.0 `Idempotency-Key` for this write, when keys are sent. Fresh for every call unless given: give the same
   * key only when the app repeats the very same action (same method, same parameters) after an
   * unknown outcome; the portal then replays the stored answer of a write that went through.
   */
  idempotencyKey?: string
}

/** One row of a v2 batch: the row's payload, or the error the portal gave for that row alone. */
export type BatchRow = { ok: true; data: unknown } | { ok: false; error: PortalError }

/**
 * What the features may ask of the portal. Every method returns the `result` payload or throws one
 * PortalError, so React Query sees ordinary rejected promises and nothing outside src/b24 touches
 * AjaxResult.
 *
 * Reads (`callV2`, `callV3`, `batchV2`) wait out a busy portal (503 of any code, other 5xx) and are
 * sent again quietly a few times. Writes (`writeV2`, `writeV3`, `sendV2`) are sent exactly once:
 * neither the SDK nor this client repeats them, since a write whose answer was lost may have been
 * carried out. After a failed write the caller looks before it offers to try again (mayHaveLanded).
 */
export interface PortalClient {
  /** The portal's origin, e.g. https://acme.bitrix24.com: the base for relative links in messages. */
  readonly origin: string
  /** A v2 read. */
  callV2(method: string, params?: Params): Promise<unknown>
  /** A v3 read. */
  callV3(method: string, params?: Params): Promise<unknown>
  /** A v2 write: sent once. */
  writeV2(method: string, params: Params): Promise<unknown>
  /** A v3 write: sent once, with an Idempotency-Key where the portal lets the browser send one. */
  writeV3(method: string, params: Params, options?: WriteOptions): Promise<unknown>
  /** A v2 write with a large body (a file upload), sent once: reports the body's progress and can be aborted. */
  sendV2(method: string, params: Params, transfer: TransferOptions): Promise<unknown>
  /** A per-user setting of this app, kept by the portal (BX24 user options): read at start, sync. Store truthy values (strings) only. */
  userOption(name: string): unknown
  /** Saves a per-user setting on the portal; it comes back with the next opening of the app. */
  setUserOption(name: string, value: unknown): Promise<void>
  /** v2 `batch` with halt off: rows fail one by one. `$result[key][…]` chains rows in one round trip. */
  batchV2(calls: Record<string, [method: string, params: Params]>): Promise<Record<string, BatchRow>>
}

function unwrap(result: AjaxResult<unknown>): unknown {
  if (!result.isSuccess) throw toPortalError(result.getErrors().next().value)
  return result.getData()?.result
}

/** One call's payload, or the one PortalError whatever the SDK threw or answered. */
async function payloadOf(call: Promise<AjaxResult<unknown>>): Promise<unknown> {
  try {
    return unwrap(await call)
  } catch (error) {
    throw toPortalError(error)
  }
}

/** Runs `send` with `value` filed under a fresh request id (the SDK's hooks look it up by that id), then forgets it. */
async function withRequestEntry<V, T>(entries: Map<string, V>, value: V, send: (requestId: string) => Promise<T>): Promise<T> {
  const requestId = crypto.randomUUID()
  entries.set(requestId, value)
  try {
    return await send(requestId)
  } finally {
    entries.delete(requestId)
  }
}

/**
 * `retry` is how reads wait out a busy portal (tests shorten its waits); `keys` whether v3 writes
 * carry their Idempotency-Key (see SEND_IDEMPOTENCY_KEYS for why not yet).
 */
export function createPortalClient(b24: B24Frame, retry: ReadRetry = READ_RETRY, keys = SEND_IDEMPOTENCY_KEYS): PortalClient {
  const transfers = trackTransfers(b24)
  const idempotencyKeys = trackIdempotencyKeys(b24, keys)
  const read = <T>(call: () => Promise<T>): Promise<T> => withReadRetry(retry, call)
  return {
    origin: b24.getTargetOrigin(),
    userOption(name) {
      try {
        return b24.options.userGet(name) as unknown
      } catch {
        return undefined // the SDK throws for options never set (and for falsy values)
      }
    },
    async setUserOption(name, value) {
      try {
        await b24.options.userSet(name, value)
      } catch (error) {
        throw toPortalError(error)
      }
    },
    callV2: (method, params = {}) => payloadOf(read(() => b24.actions.v2.call.make({ method, params }))),
    writeV2: (method, params) => payloadOf(b24.actions.v2.call.make({ method, params })),
    writeV3: (method, params, options = {}) =>
      withRequestEntry(idempotencyKeys, options.idempotencyKey ?? crypto.randomUUID(), (requestId) =>
        payloadOf(b24.actions.v3.call.make({ method, params, requestId })),
      ),
    sendV2: (method, params, transfer) =>
      withRequestEntry(transfers, transfer, (requestId) => payloadOf(b24.actions.v2.call.make({ method, params, requestId }))),
    callV3: (method, params = {}) => payloadOf(read(() => b24.actions.v3.call.make({ method, params }))),
    async batchV2(calls) {
      let response
      try {
        response = await read(() =>
          b24.actions.v2.batch.make({
            calls,
            options: { isHaltOnError: false, returnAjaxResult: true },
          }),
        )
      } catch (error) {
        throw toPortalError(error)
      }
      const rows = (response.getData() ?? {}) as Record<string, AjaxResult<unknown>>
      const out: Record<string, BatchRow> = {}
      for (const key of Object.keys(calls)) {
        const row = rows[key]
        if (!row) {
          // The SDK drops rows it could not read; report them rather than inventing data.
          const cause = response.errors.get(key) ?? new Error(`No answer for batch row ${key}`)
          out[key] = { ok: false, error: toPortalError(cause) }
          continue
        }
        try {
          out[key] = { ok: true, data: unwrap(row) }
        } catch (error) {
          out[key] = { ok: false, error: toPortalError(error) }
        }
      }
      return out
    },
  }
}
