/**
 * Turns one call's outcome into a table row: "same shape", "differs" (which fields) or "refused"
 * (which code), and whether that breaks a flow of the app: a required method refused, or a
 * difference in a field the app reads.
 */
import * as v from 'valibot'
import type { Outcome } from './webhook-client.ts'

export interface Row {
  method: string
  verdict: string
  appDoes: string
  breaks: boolean
}

export interface Expectation {
  /** How the row is labelled: method name and API version. */
  method: string
  schema: v.GenericSchema
  /** Without it the app cannot work; optional methods have a fallback. */
  required: boolean
  /** Field paths the app reads (`messages[].author_id`, `a|b` when either will do); a difference there breaks the app. */
  reads: string[]
  /** What the app does when the method answers as documented. */
  onSuccess: string
  /** What the app does when the portal refuses it. */
  onRefusal: string
}

/** Issue path → `messages[].author_id`; array positions fold into `[]` so one field is named once. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = ''
  for (const item of issue.path ?? []) {
    if (typeof item.key === 'number') out += '[]'
    else out += out === '' ? String(item.key) : `.${String(item.key)}`
  }
  return out === '' ? '(result)' : out
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.input === undefined) return 'missing'
  return `${issue.received} instead of ${issue.expected ?? '?'}`
}

/** The fields where `value` departs from `schema`, one entry per field, with how it departs. */
export function differences(schema: v.GenericSchema, value: unknown): Map<string, string> {
  const parsed = v.safeParse(schema, value, { abortEarly: false })
  const found = new Map<string, string>()
  if (parsed.success) return found
  for (const issue of parsed.issues) {
    // A union reports why each branch failed below it; the first branch's reason names the field.
    // Its path is relative to the union's own place, so the two are joined.
    const deepest = issue.issues?.[0] ?? issue
    const inner = deepest !== issue && deepest.path ? pathOf(deepest) : ''
    const outer = pathOf(issue)
    const path = inner === '' ? outer : outer === '(result)' ? inner : inner.startsWith('[') ? `${outer}${inner}` : `${outer}.${inner}`
    if (!found.has(path)) found.set(path, describe(deepest))
  }
  return found
}

/** Whether `messages[].author_id` is there in every message (an empty list has nothing missing). */
function present(value: unknown, path: string): boolean {
  if (path === '(result)') return value !== undefined && value !== null
  const [head = '', ...rest] = path
    .replace(/\[\]/g, '.[]')
    .split('.')
    .filter((s) => s !== '')
  if (head === '[]') return Array.isArray(value) && value.every((item) => rest.length === 0 || present(item, rest.join('.')))
  if (value === null || typeof value !== 'object' || !(head in value)) return false
  const next = (value as Record<string, unknown>)[head]
  return rest.length === 0 ? next !== undefined : present(next, rest.join('.'))
}

function related(path: string, read: string): boolean {
  if (path === read || path === '(result)') return true
  return path.startsWith(`${read}.`) || path.startsWith(`${read}[`) || read.startsWith(`${path}.`) || read.startsWith(`${path}[`)
}

export function judge(expect: Expectation, outcome: Outcome): Row {
  if (!outcome.ok) {
    const verdict = `refused: ${outcome.code} (${outcome.status})${outcome.description ? ` ${outcome.description.slice(0, 60)}` : ''}`
    return { method: expect.method, verdict, appDoes: expect.onRefusal, breaks: expect.required }
  }
  const diffs = differences(expect.schema, outcome.result)
  if (diffs.size === 0) return { method: expect.method, verdict: 'same shape', appDoes: expect.onSuccess, breaks: false }
  const named = [...diffs].map(([path, how]) => `${path} (${how})`)
  // `a|b`: the app takes whichever field came, so it breaks only when none came as documented.
  const usable = (alt: string): boolean => present(outcome.result, alt) && ![...diffs.keys()].some((path) => related(path, alt))
  const brokenReads = expect.reads.filter((read) => !read.split('|').some(usable))
  const breaking = [...diffs.keys()].filter((path) => brokenReads.some((read) => read.split('|').some((alt) => related(path, alt))))
  const appDoes = breaking.length > 0 ? `BREAKS: the app reads ${breaking.join(', ')}` : `${expect.onSuccess} (the app does not read these fields)`
  return { method: expect.method, verdict: `differs: ${named.join('; ')}`, appDoes, breaks: breaking.length > 0 }
}

/** A fixed-width table for a terminal or an e-mail: method | verdict | what the app does. */
export function formatTable(rows: readonly Row[]): string {
  const head: Row = { method: 'method', verdict: 'answer', appDoes: 'what the app does', breaks: false }
  const all = [head, ...rows]
  const w1 = Math.max(...all.map((r) => r.method.length))
  const w2 = Math.min(70, Math.max(...all.map((r) => r.verdict.length)))
  const line = (r: Row): string => `${r.method.padEnd(w1)} | ${r.verdict.padEnd(w2)} | ${r.appDoes}`
  return [line(head), `${'-'.repeat(w1)}-+-${'-'.repeat(w2)}-+-${'-'.repeat(20)}`, ...rows.map(line)].join('\n')
}
