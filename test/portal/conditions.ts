/** The "reality switches" of the portal and the deterministic failure injector. */
import { createRng, type Rng } from './prng.ts'

export interface Conditions {
  latencyMs: number
  failureRate: number
  legacyIm: boolean
  tokenTtlS: number
  rateLimit: boolean
  /** The leaky bucket: how many requests it holds, and how many drain per second (Bitrix24: 50 and 2). */
  rateBurst: number
  rateDrainPerS: number
  /** Whose bucket a request drains: its token's (each tab its own), or its user's (all their tabs together, closer to Bitrix24's per-portal bucket). */
  rateLimitScope: 'token' | 'user'
  /** Scopes the app was installed with; a method outside them answers insufficient_scope. */
  scopes: string[]
}

export const ALL_SCOPES = ['task', 'tasks', 'im', 'imbot', 'placement', 'user_brief'] as const

export const DEFAULT_CONDITIONS: Readonly<Conditions> = {
  latencyMs: 0,
  failureRate: 0,
  legacyIm: false,
  tokenTtlS: 3600,
  rateLimit: true,
  rateBurst: 50,
  rateDrainPerS: 2,
  rateLimitScope: 'token',
  scopes: [...ALL_SCOPES],
}

/** Merge only well-typed, in-range values; anything else keeps its previous value. */
export function mergeConditions(current: Conditions, patch: Partial<Record<keyof Conditions, unknown>>): Conditions {
  const next = { ...current }
  const num = (value: unknown, min: number, max: number): number | undefined =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined
  next.latencyMs = num(patch.latencyMs, 0, 60_000) ?? next.latencyMs
  next.failureRate = num(patch.failureRate, 0, 1) ?? next.failureRate
  next.tokenTtlS = num(patch.tokenTtlS, 0, 86_400 * 365) ?? next.tokenTtlS
  if (typeof patch.legacyIm === 'boolean') next.legacyIm = patch.legacyIm
  if (typeof patch.rateLimit === 'boolean') next.rateLimit = patch.rateLimit
  next.rateBurst = num(patch.rateBurst, 0, 10_000) ?? next.rateBurst
  next.rateDrainPerS = num(patch.rateDrainPerS, 0, 10_000) ?? next.rateDrainPerS
  if (patch.rateLimitScope === 'token' || patch.rateLimitScope === 'user') next.rateLimitScope = patch.rateLimitScope
  if (Array.isArray(patch.scopes) && patch.scopes.every((x) => typeof x === 'string')) next.scopes = [...(patch.scopes as string[])]
  return next
}

/** Decides which calls fail; seeded so a failing run can be replayed. */
export class FailureInjector {
  private rng: Rng = createRng(0xfa11)

  reset(): void {
    this.rng = createRng(0xfa11)
  }

  shouldFail(rate: number): boolean {
    if (rate <= 0) return false
    return this.rng.next() < rate
  }
}
