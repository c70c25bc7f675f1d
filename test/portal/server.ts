/**
 * HTTP front of the local portal: REST (v2 at /rest/, v3 at /rest/api/, both also as inbound
 * webhooks /rest/[api/]<userId>/<secret>/<method>), the control API under /__portal/, generated
 * avatars and files under /upload/ (files behind the login cookie), the REST `download` links of
 * im.v2.File.download, the login page /auth/, and anything else to the host page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse as parseQuery } from 'qs'
import { avatarSvg, fileBody } from './assets.ts'
import { UPLOADED_TYPES } from './image-size.ts'
import type { Conditions } from './conditions.ts'
import { RestError, systemErrors, v2ErrorBody, v3Error, v3ErrorBody } from './envelope.ts'
import { checkDownloadToken } from './download-links.ts'
import { loggedInUser } from './login-sessions.ts'
import { LocalPortal, type Portal } from './portal.ts'
import { isChatMember } from './rest/ops.ts'
import { fileTooLarge } from './rest/v2/im-file.ts'
import type { FileRec } from './state.ts'
import type { RestAnswer } from './rest/dispatch.ts'
import { isRecord } from './rest/params.ts'
import { WebhookRegistry } from './webhooks.ts'

export interface HostResponse {
  status: number
  headers: Record<string, string>
  body: string | Buffer
}

export type HostHandler = (req: IncomingMessage, url: URL) => Promise<HostResponse | null> | HostResponse | null

interface PortalServerOptions {
  /** default 8080; 0 picks any free port */
  port?: number
  /** default 127.0.0.1 */
  host?: string
  dataDir?: string
  conditions?: Partial<Conditions>
  hostHandler?: HostHandler
}

const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Idempotency-Key, Idempotent-Replayed',
}

/** The request headers a page of another origin may send (Conditions.idempotencyKeyCors). */
function preflightHeaders(portal: LocalPortal): Record<string, string> {
  return { 'Access-Control-Allow-Headers': portal.conditions.idempotencyKeyCors ? 'Content-Type, Idempotency-Key' : 'origin, content-type, accept' }
}

const MAX_BODY = 5 * 1024 * 1024

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY) throw new Error('body too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads up to `limit` bytes; past it the rest is read and dropped (the client may finish sending) and null is answered. */
async function readCappedBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= limit) chunks.push(chunk as Buffer)
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8')
}

/**
 * im.v2.File.upload carries the file as Base64 in its body: room for the largest file the portal takes
 * (100 MB by default: 134 MB of text), plus the JSON around it. Every other call keeps MAX_BODY.
 */
function uploadBodyLimit(portal: LocalPortal): number {
  return Math.max(MAX_BODY, Math.ceil((portal.conditions.fileUploadMaxBytes * 4) / 3) + 1024 * 1024)
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(body))
}

/** Query-string parameters without the SDK's bookkeeping (`bx24_request_id`, …). */
function queryParams(url: URL): Record<string, unknown> {
  const parsed = parseQuery(url.search.replace(/^\?/, ''), { depth: 10, arrayLimit: 1000 }) as Record<string, unknown>
  for (const key of Object.keys(parsed)) if (key.startsWith('bx24_')) delete parsed[key]
  return parsed
}

type Parsed = { ok: true; params: Record<string, unknown> } | { ok: false }

/** v2 takes JSON or a form body; anything that is not JSON is read as a form. */
function parseV2Body(text: string, contentType: string): Parsed {
  if (text.trim() === '') return { ok: true, params: {} }
  if (contentType.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      const value = JSON.parse(text) as unknown
      return { ok: true, params: isRecord(value) ? value : {} }
    } catch {
      return { ok: true, params: {} }
    }
  }
  return { ok: true, params: parseQuery(text, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }) as Record<string, unknown> }
}

/** v3 takes JSON only; a top-level array (v3 batch) becomes numeric keys. */
function parseV3Body(text: string, contentType: string): Parsed {
  if (text.trim() === '') return { ok: true, params: {} }
  if (contentType !== '' && !contentType.includes('json')) return { ok: false }
  try {
    const value = JSON.parse(text) as unknown
    if (Array.isArray(value)) return { ok: true, params: Object.fromEntries(value.map((row, i) => [String(i), row])) }
    return isRecord(value) ? { ok: true, params: value } : { ok: false }
  } catch {
    return { ok: false }
  }
}

/**
 * The body's parameters; null for an upload too big for any file the portal takes. The body's text
 * (up to 134 MB for an upload) ends with this call, so it is not kept beside the parsed copy.
 */
async function readParams(portal: LocalPortal, req: IncomingMessage, method: string, v3: boolean, contentType: string): Promise<Parsed | null> {
  const isUpload = method.toLowerCase() === 'im.v2.file.upload'
  const text = req.method !== 'POST' ? '' : isUpload ? await readCappedBody(req, uploadBodyLimit(portal)) : await readBody(req)
  if (text === null) return null
  return v3 ? parseV3Body(text, contentType) : parseV2Body(text, contentType)
}

async function handleRest(portal: LocalPortal, webhooks: WebhookRegistry, req: IncomingMessage, url: URL, res: ServerResponse, origin: string): Promise<void> {
  const v3 = url.pathname.startsWith('/rest/api/')
  const tail = decodeURIComponent(url.pathname.slice(v3 ? '/rest/api/'.length : '/rest/'.length))
  // An inbound webhook carries its auth in the path: <userId>/<secret>/<method>.
  const hook = WebhookRegistry.parsePath(tail)
  const method = (hook ? hook.method : tail).replace(/\.json$/i, '')
  if (hook) {
    const refusal = webhooks.refusal(portal, hook, method)
    if (refusal) return sendJson(res, refusal.status, v2ErrorBody(refusal))
  }
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase()
  const parsed = await readParams(portal, req, method, v3, contentType)
  // A body too big to hold a file the portal takes is that file's refusal (file-upload.md: FILE_TOO_LARGE, 400).
  if (parsed === null) return sendJson(res, 400, v2ErrorBody(fileTooLarge()))
  const query = queryParams(url)
  const queryAuth = typeof query['auth'] === 'string' ? query['auth'] : undefined
  let answer: RestAnswer
  if (!parsed.ok) {
    answer = { status: 400, body: v3ErrorBody(v3Error(400, 'INVALIDJSONEXCEPTION', 'Invalid JSON in the request body')), headers: {} }
  } else {
    // v2 also reads parameters from the query string; v3 does not.
    const params = v3 ? parsed.params : { ...query, ...parsed.params }
    // A webhook call runs as its owner: the token stands in for the path's credentials.
    if (hook) params['auth'] = webhooks.tokenFor(portal, hook)
    const keyHeader = req.headers['idempotency-key']
    try {
      answer = portal.handleRest({
        version: v3 ? 'v3' : 'v2',
        method,
        params,
        queryAuth,
        origin,
        address: req.socket.remoteAddress,
        idempotencyKey: typeof keyHeader === 'string' ? keyHeader : undefined,
      })
    } catch (error) {
      console.error('[portal] %s failed:', method, error)
      const internal = systemErrors.internal()
      answer = { status: 500, body: v3 ? v3ErrorBody(internal) : v2ErrorBody(internal), headers: {} }
    }
  }
  const latency = portal.conditions.latencyMs
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency))
  sendJson(res, answer.status, answer.body, answer.headers)
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value = JSON.parse((await readBody(req)) || '{}') as unknown
    return isRecord(value) ? value : {}
  } catch {
    return {}
  }
}

/** Control API for tests and demos; the app never calls it. */
async function handleControl(
  portal: LocalPortal,
  webhooks: WebhookRegistry,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
  origin: string,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`
  switch (route) {
    case 'POST /__portal/token': {
      const userId = (await jsonBody(req))['userId']
      if (typeof userId !== 'number' || !portal.getUser(userId)) return sendJson(res, 400, { error: 'invalid_user' })
      return sendJson(res, 200, portal.issueToken(userId))
    }
    case 'POST /__portal/webhook': {
      const userId = (await jsonBody(req))['userId']
      if (typeof userId !== 'number' || !portal.getUser(userId)) return sendJson(res, 400, { error: 'invalid_user' })
      return sendJson(res, 200, { url: `${origin}/rest/${userId}/${webhooks.create(userId)}/` })
    }
    case 'POST /__portal/refresh': {
      const refreshId = (await jsonBody(req))['refreshId']
      const tokens = typeof refreshId === 'string' ? portal.refresh(refreshId) : null
      return tokens ? sendJson(res, 200, tokens) : sendJson(res, 400, { error: 'invalid_grant' })
    }
    case 'POST /__portal/reset':
      portal.reset()
      return sendJson(res, 200, { ok: true })
    case 'POST /__portal/drain':
      // The rate-limit buckets empty, as they are once every request in them is 25 s old: a test's own
      // setup (dozens of posts from the same address as the app) need not leave the app a full bucket.
      portal.buckets.clear()
      return sendJson(res, 200, { ok: true })
    case 'POST /__portal/conditions':
      return sendJson(res, 200, portal.setConditions(await jsonBody(req)))
    case 'GET /__portal/conditions':
      return sendJson(res, 200, portal.conditions)
    case 'POST /__portal/install': {
      const installed = (await jsonBody(req))['installed']
      portal.markInstalled(installed !== false)
      return sendJson(res, 200, { installed: portal.installed })
    }
    case 'POST /__portal/read': {
      // A test's control of unread messages: `{"userId", "chatId", "messageId"}` sets that user's read mark.
      const body = await jsonBody(req)
      const [userId, chatId, messageId] = [body['userId'], body['chatId'], body['messageId']]
      if (typeof userId !== 'number' || !portal.getUser(userId)) return sendJson(res, 400, { error: 'invalid_user' })
      if (typeof chatId !== 'number' || !portal.store.chats.has(chatId)) return sendJson(res, 400, { error: 'invalid_chat' })
      if (typeof messageId !== 'number' || !Number.isSafeInteger(messageId) || messageId < 0) return sendJson(res, 400, { error: 'invalid_message' })
      portal.setReadMark(chatId, userId, messageId)
      return sendJson(res, 200, { ok: true })
    }
    case 'GET /__portal/install':
      return sendJson(res, 200, { installed: portal.installed })
    default:
      return sendJson(res, 404, { error: 'not_found' })
  }
}

/** A message file's bytes: uploaded ones as themselves, seeded ones generated; inline only where the type is harmless. */
function sendFile(portal: LocalPortal, file: FileRec, res: ServerResponse, download: boolean): boolean {
  const stored = file.uploaded ? portal.blobs.read(file.id) : null
  if (file.uploaded && !stored) return false
  const { contentType, body } = stored ? { contentType: UPLOADED_TYPES[file.extension] ?? 'application/octet-stream', body: stored } : fileBody(file)
  const disposition = !download && contentType !== 'application/octet-stream' ? 'inline' : 'attachment'
  send(
    res,
    200,
    {
      ...CORS,
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': contentType,
      'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      // An uploaded file's id comes round again after a reset, with other bytes.
      'Cache-Control': stored ? 'no-cache' : 'public, max-age=3600',
    },
    body,
  )
  return true
}

/**
 * Where disk's Authentication(true) sends a browser that is not logged in: a 302 to the login page
 * with the page asked for as `backurl` (main/lib/engine/actionfilter/authentication.php, LocalRedirect).
 */
function sendToLogin(req: IncomingMessage, res: ServerResponse): void {
  send(res, 302, { Location: `/auth/?backurl=${encodeURIComponent(req.url ?? '/')}`, 'Cache-Control': 'no-store' }, '')
}

const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorization · Local Bitrix24</title></head>
<body><form method="post" action="/auth/"><h1>Authorization</h1>
<label>Login <input name="USER_LOGIN"></label> <label>Password <input name="USER_PASSWORD" type="password"></label>
<button>Log in</button></form></body></html>`

function handleUpload(portal: LocalPortal, req: IncomingMessage, url: URL, res: ServerResponse): boolean {
  const avatar = /^\/upload\/avatar\/(\d+)\.svg$/.exec(url.pathname)
  if (avatar) {
    const user = portal.store.users.get(Number(avatar[1]))
    if (!user?.hasAvatar) return false
    send(res, 200, { ...CORS, 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' }, avatarSvg(user))
    return true
  }
  const file = /^\/upload\/file\/(\d+)\/[^/]+$/.exec(url.pathname)
  if (file) {
    const found = portal.store.files.get(Number(file[1]))
    if (!found) return false
    // The file pages are disk's, behind the portal's login (Conditions.fileLoginGate).
    if (portal.conditions.fileLoginGate && loggedInUser(req.headers.cookie) === null) {
      sendToLogin(req, res)
      return true
    }
    return sendFile(portal, found, res, url.searchParams.get('download') === 'Y')
  }
  return false
}

/** The REST `download` method: a link im.v2.File.download answered (download-links.ts). Sent as an attachment, as disk's download is (\CFile::viewByUser with force_download). */
function handleDownload(portal: LocalPortal, url: URL, res: ServerResponse): void {
  const check = checkDownloadToken(url.searchParams.get('token'))
  if (!check.ok) {
    const error = check.reason === 'expired' ? systemErrors.expiredToken() : new RestError(403, 'ACCESS_DENIED', 'Access denied! Link check failed')
    return sendJson(res, error.status, v2ErrorBody(error))
  }
  const file = portal.store.files.get(check.fileId)
  const chat = file ? portal.store.chats.get(file.chatId) : undefined
  // The file is read as the link's user: one who has left the chat since gets no bytes.
  if (!file || !chat || !isChatMember(chat, check.userId)) return sendJson(res, 403, v2ErrorBody(new RestError(403, 'ACCESS_DENIED', 'Access denied!')))
  if (!sendFile(portal, file, res, true)) sendJson(res, 400, v2ErrorBody(new RestError(400, 'ERROR_CORE', 'Could not get content of file')))
}

export async function startPortalServer(opts: PortalServerOptions = {}): Promise<{ portal: Portal; origin: string; close(): Promise<void> }> {
  const portal = new LocalPortal({ dataDir: opts.dataDir, conditions: opts.conditions })
  const webhooks = new WebhookRegistry()
  const host = opts.host ?? '127.0.0.1'
  let origin = ''
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin)
    const requestOrigin = req.headers.host ? `http://${req.headers.host}` : origin
    const work = async (): Promise<void> => {
      if (req.method === 'OPTIONS') return send(res, 204, { ...CORS, ...preflightHeaders(portal), 'Access-Control-Max-Age': '600' }, '')
      if (req.method === 'GET' && /^\/rest\/download(\.json)?\/?$/.test(url.pathname)) return handleDownload(portal, url, res)
      if (url.pathname.startsWith('/rest/') && (req.method === 'POST' || req.method === 'GET'))
        return handleRest(portal, webhooks, req, url, res, requestOrigin)
      if (url.pathname.startsWith('/__portal/')) return handleControl(portal, webhooks, req, url, res, requestOrigin)
      if (req.method === 'GET' && url.pathname.startsWith('/upload/') && handleUpload(portal, req, url, res)) return
      if (req.method === 'GET' && url.pathname === '/auth/') return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, LOGIN_PAGE)
      const hosted = opts.hostHandler ? await opts.hostHandler(req, url) : null
      if (hosted) return send(res, hosted.status, hosted.headers, hosted.body)
      send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found')
    }
    work().catch((error: unknown) => {
      console.error('[portal] request failed:', error)
      if (!res.headersSent) sendJson(res, 500, v2ErrorBody(systemErrors.internal()))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 8080, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  origin = `http://${host}:${address.port}`
  return {
    portal,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
