/**
 * OAuth-like tokens. A user may hold several access tokens at once (two tabs). Refreshing
 * rotates: the old access and refresh tokens stop working. Expiry is judged against the
 * current `tokenTtlS`, so lowering it in a demo expires tokens already handed out.
 */
import { createHash, randomBytes } from 'node:crypto'

export interface TokenSet {
  AUTH_ID: string
  REFRESH_ID: string
  AUTH_EXPIRES: number
  MEMBER_ID: string
}

interface TokenRec {
  userId: number
  issuedAt: number
  refreshId: string
}

type TokenCheck = { ok: true; userId: number } | { ok: false; reason: 'invalid' | 'expired' }

export const MEMBER_ID = createHash('md5').update('task-chat-local-portal').digest('hex')

export class TokenStore {
  private readonly access = new Map<string, TokenRec>()
  private readonly refreshes = new Map<string, { userId: number; accessId: string }>()

  issue(userId: number, ttlS: number, nowMs = Date.now()): TokenSet {
    const accessId = randomBytes(16).toString('hex')
    const refreshId = randomBytes(16).toString('hex')
    this.access.set(accessId, { userId, issuedAt: nowMs, refreshId })
    this.refreshes.set(refreshId, { userId, accessId })
    return { AUTH_ID: accessId, REFRESH_ID: refreshId, AUTH_EXPIRES: ttlS, MEMBER_ID }
  }

  refresh(refreshId: string, ttlS: number): TokenSet | null {
    const found = this.refreshes.get(refreshId)
    if (!found) return null
    this.refreshes.delete(refreshId)
    this.access.delete(found.accessId)
    return this.issue(found.userId, ttlS)
  }

  check(token: string, ttlS: number, nowMs = Date.now()): TokenCheck {
    const found = this.access.get(token)
    if (!found) return { ok: false, reason: 'invalid' }
    if (nowMs - found.issuedAt > ttlS * 1000) return { ok: false, reason: 'expired' }
    return { ok: true, userId: found.userId }
  }

  clear(): void {
    this.access.clear()
    this.refreshes.clear()
  }
}
