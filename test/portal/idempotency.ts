/**
 * REST 3.0 `Idempotency-Key` (§8.2): a successful write is stored per user + method + key; the
 * same key with the same body replays it, with a different body it is refused (422).
 */
import { createHash } from 'node:crypto'

interface StoredAnswer {
  status: number
  body: unknown
}

export function validIdempotencyKey(key: string): boolean {
  return key.length >= 1 && key.length <= 255 && /^[\x20-\x7e]+$/.test(key)
}

/** Stable hash of the parameters, key order ignored, `auth` excluded (a retry may carry a fresh token). */
export function paramsHash(params: Record<string, unknown>): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical)
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      )
    }
    return value
  }
  const rest = { ...params }
  delete rest['auth']
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex')
}

export class IdempotencyStore {
  private readonly answers = new Map<string, { hash: string; answer: StoredAnswer; at: number }>()

  private static key(userId: number, method: string, key: string): string {
    return `${userId}\n${method}\n${key}`
  }

  find(userId: number, method: string, key: string): { hash: string; answer: StoredAnswer } | undefined {
    const found = this.answers.get(IdempotencyStore.key(userId, method, key))
    if (!found || Date.now() - found.at > 86_400_000) return undefined
    return found
  }

  save(userId: number, method: string, key: string, hash: string, answer: StoredAnswer): void {
    this.answers.set(IdempotencyStore.key(userId, method, key), { hash, answer, at: Date.now() })
  }

  clear(): void {
    this.answers.clear()
  }
}
