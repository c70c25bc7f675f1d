/**
 * One REST call from arrival to answer, in the order a real portal applies its checks:
 * auth → rate limit → (injected failure) → method → idempotency → handler → envelope.
 */
import type { TokenStore } from '../auth.ts'
import { tailMode, type Conditions, type FailureInjector, type MethodFault } from '../conditions.ts'
import type { FileBlobs } from '../file-blobs.ts'
import { RestError, systemErrors, timeInfo, v2ErrorBody, v3Error, v3ErrorBody } from '../envelope.ts'
import { IdempotencyStore, paramsHash, validIdempotencyKey } from '../idempotency.ts'
import type { Mutation } from '../mutations.ts'
import type { LeakyBuckets } from '../rate-limit.ts'
import type { Store } from '../state.ts'
import { batchV2, batchV3, type RowOutcome } from './batch.ts'
import { ListResult, type CallContext, type MethodDef, type Params } from './context.ts'
import { V2_METHODS, V3_METHODS } from './registry.ts'

export type ApiVersion = 'v2' | 'v3'

export interface Engine {
  readonly store: Store
  readonly conditions: Conditions
  readonly tokens: TokenStore
  readonly buckets: LeakyBuckets
  readonly failures: FailureInjector
  readonly idempotency: IdempotencyStore
  readonly blobs: FileBlobs
  mutate(m: Mutation): void
}

export interface RestRequest {
  version: ApiVersion
  /** As it appeared in the URL; matched case-insensitively. */
  method: string
  params: Params
  /** Token from the query string, used when the body has none. */
  queryAuth?: string
  idempotencyKey?: string
  origin: string
  /** The HTTP request's source address, whose bucket it drains; in-process calls come from 127.0.0.1. */
  address?: string
}

/** The bucket a request drains (see Conditions.rateLimitScope); an IPv4 peer seen through IPv6 is the same address. */
function bucketKey(scope: Conditions['rateLimitScope'], req: RestRequest, token: string, userId: number): string {
  if (scope === 'token') return `token:${token}`
  if (scope === 'user') return `user:${userId}`
  return `address:${(req.address ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '')}`
}

export interface RestAnswer {
  status: number
  body: unknown
  headers: Record<string, string>
}

function lookup(engine: Engine, version: ApiVersion, method: string): MethodDef | undefined {
  const def = (version === 'v2' ? V2_METHODS : V3_METHODS).get(method)
  if (def?.modernOnly && tailMode(engine.conditions) === 'missing') return undefined
  // REST 3.0's tasks methods came with the new task card (tasks 25.700.0, tasks-new.md): an older portal has none.
  if (version === 'v3' && !engine.conditions.taskChats) return undefined
  return def
}

function notFound(version: ApiVersion, method: string): RestError {
  return version === 'v2' ? systemErrors.methodNotFound() : v3Error(404, 'METHODNOTFOUNDEXCEPTION', `Method \`${method}\` not found`)
}

/** The scope a method needs, by its name, as Bitrix24 groups them (v3 tasks.* is the `tasks` scope). */
function scopeOf(version: ApiVersion, method: string): string | null {
  const m = method.toLowerCase()
  if (m.startsWith('imbot.')) return 'imbot'
  if (m.startsWith('im.')) return 'im'
  if (m.startsWith('tasks.') || m.startsWith('task.')) return version === 'v3' ? 'tasks' : 'task'
  if (m.startsWith('placement.')) return 'placement'
  return null // app.info, profile, user.current: always available to an app
}

function insufficientScope(version: ApiVersion): RestError {
  return version === 'v2'
    ? systemErrors.insufficientScope()
    : v3Error(403, 'INSUFFICIENTSCOPEEXCEPTION', 'The request requires higher privileges than provided by the access token')
}

/** The documented answer for a method fault (settings/performance/limits.md, _includes/system-errors.md). */
function faultError(version: ApiVersion, method: string, error: MethodFault['error']): RestError {
  switch (error) {
    case 'OPERATION_TIME_LIMIT':
      return new RestError(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.')
    case 'QUERY_LIMIT_EXCEEDED':
      return systemErrors.queryLimit()
    case 'OVERLOAD_LIMIT':
      return new RestError(503, 'OVERLOAD_LIMIT', 'REST API is blocked due to overload')
    case 'INTERNAL_SERVER_ERROR':
      return systemErrors.internal()
    case 'ERROR_UNEXPECTED_ANSWER':
      return new RestError(500, 'ERROR_UNEXPECTED_ANSWER', 'Server returned an unexpected response')
    case 'insufficient_scope':
      return insufficientScope(version)
    case 'ERROR_METHOD_NOT_FOUND':
      return notFound(version, method)
    case 'expired_token':
      return systemErrors.expiredToken()
    case 'SENDING_FAILED':
      // Code and text as api-reference/chat-bots/chat-bots-v2/imbot.v2/messages/chat-message-send.md lists them.
      return new RestError(500, 'SENDING_FAILED', 'Sending failed')
  }
}

interface TakenFault {
  error: RestError
  /** The call runs first; only its answer is the error (a lost answer). */
  carriedOut: boolean
}

/** Takes one use of the first fault that matches this call; `times` counts down, absent means every call. */
function takeFault(engine: Engine, version: ApiVersion, method: string): TakenFault | undefined {
  const faults = engine.conditions.methodFaults
  const index = faults.findIndex((f) => f.method.toLowerCase() === method && (f.version ?? version) === version && (f.times === undefined || f.times > 0))
  const fault = faults[index]
  if (!fault) return undefined
  if (fault.times !== undefined) engine.conditions.methodFaults = faults.map((f, i) => (i === index ? { ...f, times: (f.times ?? 1) - 1 } : f))
  return { error: faultError(version, method, fault.error), carriedOut: fault.carriedOut === true }
}

/** Runs one method (a whole call or a batch row) and reports its outcome without throwing REST errors. */
function runRow(engine: Engine, ctx: CallContext, version: ApiVersion, method: string, params: Params): RowOutcome {
  const started = Date.now()
  const fault = takeFault(engine, version, method.toLowerCase())
  if (fault && !fault.carriedOut) return { ok: false, error: fault.error }
  const def = lookup(engine, version, method)
  if (!def) return { ok: false, error: notFound(version, method) }
  const scope = scopeOf(version, method)
  if (scope && !engine.conditions.scopes.includes(scope)) return { ok: false, error: insufficientScope(version) }
  try {
    const value = def.handler(ctx, params)
    // Done, and the answer lost to a server error on the way back.
    if (fault) return { ok: false, error: fault.error }
    if (value instanceof ListResult) return { ok: true, value: value.result, total: value.total, next: value.next, time: timeInfo(started) }
    return { ok: true, value, time: timeInfo(started) }
  } catch (error) {
    if (error instanceof RestError) return { ok: false, error: fault?.error ?? error }
    throw error
  }
}

function errorAnswer(version: ApiVersion, error: RestError, headers: Record<string, string> = {}): RestAnswer {
  return { status: error.status, body: version === 'v2' ? v2ErrorBody(error) : v3ErrorBody(error), headers }
}

export function dispatch(engine: Engine, req: RestRequest): RestAnswer {
  const started = Date.now()
  const method = req.method.toLowerCase()
  const { auth, ...params } = req.params
  const token = typeof auth === 'string' && auth !== '' ? auth : req.queryAuth
  // Auth failures use the v2 envelope on both paths; the SDK refreshes on 401 + expired_token.
  if (!token) return errorAnswer('v2', systemErrors.noAuth())
  const check = engine.tokens.check(token, engine.conditions.tokenTtlS)
  if (!check.ok) return errorAnswer('v2', check.reason === 'expired' ? systemErrors.expiredToken() : systemErrors.invalidToken())
  const { rateLimit, rateBurst, rateDrainPerS, rateLimitScope } = engine.conditions
  const bucket = bucketKey(rateLimitScope, req, token, check.userId)
  if (rateLimit && !engine.buckets.take(bucket, rateBurst, rateDrainPerS)) return errorAnswer(req.version, systemErrors.queryLimit())
  if (engine.failures.shouldFail(engine.conditions.failureRate)) return errorAnswer(req.version, systemErrors.internal())

  const ctx: CallContext = {
    store: engine.store,
    userId: check.userId,
    origin: req.origin,
    conditions: engine.conditions,
    mutate: (m) => engine.mutate(m),
    blobs: engine.blobs,
    now: () => Date.now() / 1000,
  }

  if (method === 'batch') {
    // A fault on `batch` itself answers for the whole call (a busy portal refuses the request, not its rows).
    const batchFault = takeFault(engine, req.version, 'batch')
    if (batchFault && !batchFault.carriedOut) return errorAnswer(req.version, batchFault.error)
    try {
      const result =
        req.version === 'v2'
          ? batchV2(params, (rowMethod, rowParams) => runRow(engine, ctx, 'v2', rowMethod, rowParams))
          : batchV3(params, (rowMethod, rowParams) => runRow(engine, ctx, 'v3', rowMethod, rowParams))
      if (batchFault) return errorAnswer(req.version, batchFault.error)
      return { status: 200, body: { result, time: timeInfo(started) }, headers: {} }
    } catch (error) {
      if (error instanceof RestError) return errorAnswer(req.version, error)
      throw error
    }
  }

  const def = lookup(engine, req.version, method)
  // A faulted method answers its fault even where the method does not exist.
  if (!def) return errorAnswer(req.version, takeFault(engine, req.version, method)?.error ?? notFound(req.version, req.method))

  const key = req.version === 'v3' && def.write ? req.idempotencyKey : undefined
  const keyHeaders: Record<string, string> = key === undefined ? {} : { 'Idempotency-Key': key }
  let hash = ''
  if (key !== undefined) {
    if (!validIdempotencyKey(key)) return errorAnswer('v3', v3Error(400, 'INVALIDIDEMPOTENCYKEYEXCEPTION', 'Invalid idempotency key'))
    hash = paramsHash(params)
    const stored = engine.idempotency.find(ctx.userId, method, key)
    if (stored && stored.hash !== hash) {
      return errorAnswer('v3', v3Error(422, 'IDEMPOTENCYKEYREUSEDEXCEPTION', 'Idempotency key was already used with a different request'), keyHeaders)
    }
    if (stored) return { status: stored.answer.status, body: stored.answer.body, headers: { ...keyHeaders, 'Idempotent-Replayed': 'true' } }
  }

  const outcome = runRow(engine, ctx, req.version, method, params)
  if (!outcome.ok) return errorAnswer(req.version, outcome.error, keyHeaders)
  const body: Record<string, unknown> = { result: outcome.value }
  if (outcome.next !== undefined) body['next'] = outcome.next
  if (outcome.total !== undefined) body['total'] = outcome.total
  body['time'] = timeInfo(started)
  if (key !== undefined) engine.idempotency.save(ctx.userId, method, key, hash, { status: 200, body })
  return { status: 200, body, headers: keyHeaders }
}
