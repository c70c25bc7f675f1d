/**
 * The portal's login: what a browser holds after opening a portal page (Bitrix keeps the session in
 * its PHPSESSID cookie). The task card page starts a session for its user; the file pages read it.
 * Sessions live as long as the process; ids are random, so portals in one process never share one.
 */
import { randomBytes } from 'node:crypto'

const LOGIN_COOKIE = 'PHPSESSID'

const sessions = new Map<string, number>()

/** A new session for `userId`: the value of the `Set-Cookie` header the page answers with. */
export function startLoginSession(userId: number): string {
  const id = randomBytes(16).toString('hex')
  sessions.set(id, userId)
  // No SameSite attribute, as Bitrix sets it: browsers then treat it as Lax, so a frame of another site never sends it.
  return `${LOGIN_COOKIE}=${id}; Path=/; HttpOnly`
}

/** The user a request's cookies log in, or null. */
export function loggedInUser(cookieHeader: string | undefined): number | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === LOGIN_COOKIE && value && sessions.has(value)) return sessions.get(value)!
  }
  return null
}
