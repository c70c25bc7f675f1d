/**
 * REST 3.0 filters: `[["taskId", 51], ["id", ">", 5], {"logic":"or","conditions":[…]}]`.
 * The shorthand `[field, value]` means `=`.
 */
import { v3Error } from '../../envelope.ts'
import { isRecord } from '../params.ts'

export type Row = Record<string, unknown>
type Predicate = (row: Row) => boolean

const OPERATORS = ['=', '!=', '>', '>=', '<', '<=', 'in', 'between'] as const
type Operator = (typeof OPERATORS)[number]

interface ParsedFilter {
  test: Predicate
  /** Values of top-level `field = v` / `field in [...]` conditions, per field. */
  equals: Map<string, unknown[]>
}

function invalid(message: string): never {
  throw v3Error(400, 'INVALIDFILTEREXCEPTION', message)
}

function compare(op: Operator, actual: unknown, expected: unknown): boolean {
  // Values compare as numbers or as strings (ISO dates, status names), never mixed.
  const a = actual as number
  const e = expected as number
  const range = Array.isArray(expected) ? (expected as number[]) : []
  switch (op) {
    case '=':
      return actual === expected
    case '!=':
      return actual !== expected
    case '>':
      return actual !== null && a > e
    case '>=':
      return actual !== null && a >= e
    case '<':
      return actual !== null && a < e
    case '<=':
      return actual !== null && a <= e
    case 'in':
      return Array.isArray(expected) && expected.includes(actual)
    case 'between':
      return actual !== null && range.length === 2 && a >= (range[0] ?? 0) && a <= (range[1] ?? 0)
  }
}

function condition(node: unknown, fields: readonly string[], equals: Map<string, unknown[]> | null): Predicate {
  if (isRecord(node)) {
    const logic = String(node['logic'] ?? 'and').toLowerCase()
    const conditions = node['conditions']
    if ((logic !== 'and' && logic !== 'or') || !Array.isArray(conditions)) invalid('Invalid filter group')
    const parts = conditions.map((c) => condition(c, fields, null))
    return logic === 'or' ? (row) => parts.some((p) => p(row)) : (row) => parts.every((p) => p(row))
  }
  if (!Array.isArray(node) || node.length < 2 || node.length > 3 || typeof node[0] !== 'string') invalid('Invalid filter condition')
  const field = node[0] as string
  const op = (node.length === 3 ? node[1] : '=') as string
  const value: unknown = node.length === 3 ? node[2] : node[1]
  if (!fields.includes(field)) invalid(`Unknown field \`${field}\` in filter`)
  if (!(OPERATORS as readonly string[]).includes(op)) throw v3Error(400, 'UNKNOWNFILTEROPERATOREXCEPTION', `Unknown filter operator \`${op}\``)
  if (equals && (op === '=' || op === 'in')) equals.set(field, [...(equals.get(field) ?? []), ...(Array.isArray(value) ? value : [value])])
  return (row) => compare(op as Operator, row[field], value)
}

export function parseFilter(filter: unknown, fields: readonly string[]): ParsedFilter {
  if (!Array.isArray(filter)) invalid('Filter must be an array of conditions')
  const equals = new Map<string, unknown[]>()
  const parts = filter.map((node) => condition(node, fields, equals))
  return { test: (row) => parts.every((p) => p(row)), equals }
}
