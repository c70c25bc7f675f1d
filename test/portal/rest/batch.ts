/**
 * Batches. v2 (§8.3 + SDK 2.6): `cmd` rows are `method?query` strings with `$result[key][…]`
 * placeholders, answered per key in result / result_error / result_total / result_next /
 * result_time. v3: an array (or an object with numeric keys) of `{method, query}`, answered
 * in order, all or nothing.
 */
import { parse as parseQuery } from 'qs'
import { phpMap, RestError, v3Error, v3Invalid } from '../envelope.ts'
import type { TimeInfo } from '../envelope.ts'
import type { Params } from './context.ts'
import { intOf, isRecord, param } from './params.ts'

export const MAX_BATCH = 50

export type RowOutcome = { ok: true; value: unknown; total?: number; next?: number; time: TimeInfo } | { ok: false; error: RestError }

export type RowRunner = (method: string, params: Params) => RowOutcome

const PLACEHOLDER = /\$(result|result_total|result_next)\[([^\]]+)\]((?:\[[^\]]*\])*)/g

type Resolved = { found: true; value: unknown } | { found: false }

function resolve(source: Map<string, unknown>, key: string, path: string): Resolved {
  if (!source.has(key)) return { found: false }
  let value = source.get(key)
  for (const match of path.matchAll(/\[([^\]]*)\]/g)) {
    const segment = match[1] ?? ''
    if (value !== null && typeof value === 'object' && segment in value) value = (value as Record<string, unknown>)[segment]
    else return { found: false }
  }
  return { found: true, value }
}

/** Replace placeholders in every string value; a value that is one whole placeholder keeps its type. */
function substitute(value: unknown, sources: Record<string, Map<string, unknown>>): unknown {
  if (typeof value === 'string') {
    const whole = new RegExp(`^${PLACEHOLDER.source}$`).exec(value)
    if (whole) {
      const found = resolve(sources[whole[1] ?? 'result'] ?? new Map(), whole[2] ?? '', whole[3] ?? '')
      return found.found && found.value !== undefined && found.value !== null ? found.value : ''
    }
    return value.replace(PLACEHOLDER, (_all, kind: string, key: string, path: string) => {
      const found = resolve(sources[kind] ?? new Map(), key, path)
      return found.found && (typeof found.value === 'string' || typeof found.value === 'number' || typeof found.value === 'boolean') ? String(found.value) : ''
    })
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, sources))
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, sources)]))
  return value
}

export function batchV2(params: Params, run: RowRunner): unknown {
  const rawHalt = param(params, 'halt')
  const halt = rawHalt === true || intOf(rawHalt) === 1 || rawHalt === 'Y' || rawHalt === 'true'
  const cmd = param(params, 'cmd')
  const rows: [string, unknown][] = Array.isArray(cmd) ? cmd.map((row, i) => [String(i), row]) : isRecord(cmd) ? Object.entries(cmd) : []
  if (rows.length > MAX_BATCH) throw new RestError(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded')
  const result = new Map<string, unknown>()
  const errors = new Map<string, unknown>()
  const totals = new Map<string, unknown>()
  const nexts = new Map<string, unknown>()
  const times = new Map<string, unknown>()
  const sources = { result, result_total: totals, result_next: nexts }
  for (const [key, row] of rows) {
    const text = typeof row === 'string' ? row : ''
    const at = text.indexOf('?')
    const method = (at === -1 ? text : text.slice(0, at)).trim().toLowerCase()
    const query = at === -1 ? '' : text.slice(at + 1)
    let outcome: RowOutcome
    if (method === 'batch') {
      outcome = { ok: false, error: new RestError(405, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage') }
    } else {
      const rowParams = substitute(parseQuery(query, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }), sources) as Params
      outcome = run(method, rowParams)
    }
    if (outcome.ok) {
      result.set(key, outcome.value)
      times.set(key, outcome.time)
      if (outcome.total !== undefined) totals.set(key, outcome.total)
      if (outcome.next !== undefined) nexts.set(key, outcome.next)
    } else {
      // settings/how-to-call-rest-api/batch.md shows insufficient_scope rows with an empty description.
      errors.set(key, { error: outcome.error.code, error_description: outcome.error.code === 'insufficient_scope' ? '' : outcome.error.message })
      if (halt) break
    }
  }
  return { result: phpMap(result), result_error: phpMap(errors), result_total: phpMap(totals), result_next: phpMap(nexts), result_time: phpMap(times) }
}

export function batchV3(params: Params, run: RowRunner): unknown {
  if ('cmd' in params) throw v3Error(400, 'INVALIDSELECTEXCEPTION', 'Invalid batch format: a list of {method, query} commands is expected')
  const keys = Object.keys(params)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
  if (keys.length === 0) throw v3Invalid(undefined, 'Batch is empty')
  if (keys.length > MAX_BATCH) throw v3Invalid(undefined, 'Max batch length exceeded')
  const values: unknown[] = []
  const aliases: (string | null)[] = []
  for (const key of keys) {
    const row = params[key]
    if (!isRecord(row) || typeof row['method'] !== 'string') throw v3Invalid(key, 'A batch command needs a `method`')
    const query = row['query'] ?? {}
    if (!isRecord(query)) throw v3Invalid(`${key}.query`, 'Field `query` requires data type `object` for this request')
    const method = row['method'].toLowerCase()
    if (method === 'batch') throw v3Invalid(key, 'Batch can not be nested')
    const outcome = run(method, query)
    if (!outcome.ok) throw outcome.error
    values.push(outcome.value)
    aliases.push(typeof row['as'] === 'string' && row['as'] !== '' ? row['as'] : null)
  }
  if (aliases.every((a) => a === null)) return values
  return Object.fromEntries(values.map((value, i) => [aliases[i] ?? String(i), value]))
}
