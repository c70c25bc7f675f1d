/**
 * The links im.v2.File.download answers (im/lib/V2/Service/FileService.php resolveDownloadUrl →
 * \CRestUtil::getDownloadUrl, rest/classes/general/rest_util.php getSpecialUrl): the REST `download`
 * method with `token=<scope>|<base64 of "id=<fileId>&_=<32 random>">|<signature>`, the form of the docs'
 * example (chat-bots-v2/im.v2/files/file-download.md: `/rest/download.json?token=im%7CaW...`).
 * Bitrix puts the caller's access token beside it, so a link works while that token does; here the
 * link remembers its user and expires with the token's lifetime. A changed token fails the
 * signature check: 403 ACCESS_DENIED "Access denied! Link check failed" (rest/classes/general/rest.php
 * processTokenCheckCall, rest/lib/accessexception.php).
 */
import { createHmac, randomBytes } from 'node:crypto'

interface Link {
  fileId: number
  userId: number
  /** unix ms */
  expiresAt: number
}

const SECRET = randomBytes(32)
const links = new Map<string, Link>()

const sign = (scope: string, query: string) => createHmac('sha256', SECRET).update(`download|${scope}|${query}`).digest('hex')

export function downloadUrl(origin: string, fileId: number, userId: number, ttlS: number, nowMs = Date.now()): string {
  const query = Buffer.from(`id=${fileId}&_=${randomBytes(16).toString('hex')}`).toString('base64')
  const token = `im|${query}|${sign('im', query)}`
  links.set(token, { fileId, userId, expiresAt: nowMs + ttlS * 1000 })
  return `${origin}/rest/download.json?${new URLSearchParams({ token }).toString()}`
}

type LinkCheck = { ok: true; fileId: number; userId: number } | { ok: false; reason: 'check' | 'expired' }

export function checkDownloadToken(token: string | null, nowMs = Date.now()): LinkCheck {
  const [scope = '', query = '', signature = ''] = (token ?? '').split('|')
  const link = token ? links.get(token) : undefined
  if (!link || sign(scope, query) !== signature) return { ok: false, reason: 'check' }
  if (nowMs >= link.expiresAt) return { ok: false, reason: 'expired' }
  return { ok: true, fileId: link.fileId, userId: link.userId }
}
