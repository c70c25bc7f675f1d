/**
 * Parameter helpers. v2 accepts JSON, form and query-string input, so one value can arrive as
 * a number or as a numeric string (batch rows are always strings). Bitrix's im module
 * upper-cases parameter names, hence the case-insensitive look-up.
 */
import type { Params } from './context.ts'

export function param(params: Params, name: string): unknown {
  if (name in params) return params[name]
  const lower = name.toLowerCase()
  for (const key of Object.keys(params)) if (key.toLowerCase() === lower) return params[key]
  return undefined
}

export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}

/** An integer from a number or a string of digits; undefined for anything else. */
export function intOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim())
  return undefined
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** PHP-style list: a JSON array, or an object with keys 0..n (form and qs input). */
export function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (isRecord(value)) return Object.values(value)
  return undefined
}

/** A list parameter as the im source reads it: an array, a PHP-style keyed object, or a JSON string of either. */
export function listParam(params: Params, name: string): unknown[] | undefined {
  let raw = param(params, name)
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown
    } catch {
      return undefined
    }
  }
  return listOf(raw)
}

/** `chat58` → 58; anything else → undefined. */
export function chatIdFromDialog(dialogId: unknown): number | undefined {
  if (typeof dialogId !== 'string') return undefined
  const match = /^chat(\d+)$/i.exec(dialogId.trim())
  return match ? Number(match[1]) : undefined
}
