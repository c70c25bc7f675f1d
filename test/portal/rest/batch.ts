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

const MAX_BATCH = 50

export type RowOutcome = { ok: true; value: unknown; total?: number; next?: number; time: TimeInfo } | { ok: false; error: RestError }

type RowRunner = (method: string, params: Params) => RowOutcome

/**
 * What a row may reference: the keys of `$arResult` in CRestProvider::methodsBatch
 * (rest/classes/general/rest_provider.php), in its order, which CRestUtil::processBatchElement
 * (rest/classes/general/rest_util.php) joins into `/\$(result|next|total|time|error)([^\s]*)/i`.
 * So `$next[key]` and `$total[key]` read another row's next and total, and `$result_total[key]`
 * is `$result` with the path `_total[key]`: the row's result.
 */
type Roots = Record<string, Record<string, unknown>>

/** PHP's `isset($r[$key])`: arrays by key (null counts as missing), strings by integer offset, nothing else. */
function phpStep(value: unknown, key: string): { found: true; value: unknown } | { found: false } {
  if (typeof value === 'string') {
    if (!/^-?\d+$/.test(key)) return { found: false }
    const at = Number(key) < 0 ? value.length + Number(key) : Number(key)
    return at >= 0 && at < value.length ? { found: true, value: value[at] } : { found: false }
  }
  if (Array.isArray(value)) {
    if (!/^(0|[1-9]\d*)$/.test(key)) return { found: false }
    const item: unknown = value[Number(key)]
    return item === undefined || item === null ? { found: false } : { found: true, value: item }
  }
  if (isRecord(value) && Object.hasOwn(value, key)) {
    const item = value[key]
    return item === undefined || item === null ? { found: false } : { found: true, value: item }
  }
  return { found: false }
}

/**
 * The walk of processBatchElement: from the named root down the path while each key is set; where
 * one is not, it stops and the reference is the deepest value reached (the row's whole result, the
 * root map itself when the row is missing or failed), never an empty string.
 */
function walk(roots: Roots, name: string, path: string[]): unknown {
  let value: unknown = Object.hasOwn(roots, name) ? roots[name] : null
  for (const key of path) {
    const step = phpStep(value, key)
    if (!step.found) break
    value = step.value
  }
  return value
}

/** PHP's is_numeric for what a walk can end on (ints, floats, numeric strings). */
const isNumeric = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value))

/**
 * One string value, as processBatchElement treats it: a value that is one whole reference becomes
 * what the walk reached, of any type (an array too); a reference inside a longer string is replaced
 * only by a string or a number, and otherwise stays as written.
 */
function processElement(text: string, roots: Roots): unknown {
  const names = Object.keys(roots).join('|')
  let query: unknown = text
  for (const match of text.matchAll(new RegExp(`\\$(${names})([^\\s]*)`, 'gi'))) {
    const path = [...(match[2] ?? '').matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] ?? '')
    if (path.length === 0) continue
    const reached = walk(roots, match[1] ?? '', path)
    if (match[0] === text) {
      query = reached
      continue
    }
    const replacement = isNumeric(reached) ? String(reached) : reached
    if (typeof replacement !== 'string' || typeof query !== 'string') continue
    query = query.split(match[0]).join(replacement)
  }
  return query
}

/** processBatchStructure: every value of the parsed query, at any depth (keys are left as written). */
function substitute(value: unknown, roots: Roots): unknown {
  if (typeof value === 'string') return processElement(value, roots)
  if (Array.isArray(value)) return value.map((v) => substitute(v, roots))
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, roots)]))
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
  // $arResult of methodsBatch, in its key order; a failed row also adds `error_description`.
  const roots: Roots = { result: {}, next: {}, total: {}, time: {}, error: {} }
  for (const [key, row] of rows) {
    const text = typeof row === 'string' ? row : ''
    const at = text.indexOf('?')
    const method = (at === -1 ? text : text.slice(0, at)).trim().toLowerCase()
    const query = at === -1 ? '' : text.slice(at + 1)
    let outcome: RowOutcome
    if (method === 'batch') {
      outcome = { ok: false, error: new RestError(405, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage') }
    } else {
      const rowParams = substitute(parseQuery(query, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }), roots) as Params
      outcome = run(method, rowParams)
    }
    if (outcome.ok) {
      result.set(key, outcome.value)
      times.set(key, outcome.time)
      roots['result']![key] = outcome.value
      roots['time']![key] = outcome.time
      if (outcome.total !== undefined) totals.set(key, outcome.total)
      if (outcome.next !== undefined) nexts.set(key, outcome.next)
      if (outcome.total !== undefined) roots['total']![key] = outcome.total
      if (outcome.next !== undefined) roots['next']![key] = outcome.next
    } else {
      // settings/how-to-call-rest-api/batch.md shows insufficient_scope rows with an empty description.
      const description = outcome.error.code === 'insufficient_scope' ? '' : outcome.error.message
      errors.set(key, { error: outcome.error.code, error_description: description })
      roots['error']![key] = { error: outcome.error.code, error_description: description }
      ;(roots['error_description'] ??= {})[key] = description
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
