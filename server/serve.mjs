// `npm run serve`: a small production server for those who host Task Chat themselves.
//   PORT (3000), HOST (0.0.0.0), DIST (./dist), FRAME_ANCESTORS (who may frame the pages; default any: '*'),
//   PORTAL_ORIGINS (where REST answers and images may come from; default 'https:', plus 'http:' on a loopback HOST).
// Bitrix24 opens a placement handler with a form POST (AUTH_ID, PLACEMENT, …) inside its frame, so pages
// answer POST as well as GET. No request may take the process down: a malformed one gets a 4xx, a bug a 500.
import { createServer, STATUS_CODES } from 'node:http'
import { extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { declaredTooLarge, drainBody, MAX_BODY_BYTES } from './body.mjs'
import { compressedVariants, precompressAll, readServedFile, TYPES } from './files.mjs'
import { cacheControl, defaultPortalOrigins, isNotModified, pagePolicy, pickEncoding, sourceList } from './headers.mjs'
import { resolveRequestPath } from './request-path.mjs'

const METHODS = 'GET, HEAD, POST'
/** On every response. strict-origin-when-cross-origin: the portal still learns which app calls it (its
 *  origin), but never the page's query (DOMAIN, APP_SID, …); no-referrer could upset portal-side checks. */
const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' }

/**
 * Serves a built app from `dir`. Pages may be framed by the portal (no X-Frame-Options; CSP
 * frame-ancestors as configured); hashed assets are cached for a year, pages revalidated every time.
 * @param {import('./serve.d.mts').ServerOptions} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export function startServer({ dir, port, host = '0.0.0.0', frameAncestors = '*', portalOrigins, maxBodyBytes = MAX_BODY_BYTES, timeouts = {} }) {
  const root = resolve(dir)
  const policy = pagePolicy({
    frameAncestors: sourceList('frameAncestors', frameAncestors),
    portalOrigins: sourceList('portalOrigins', portalOrigins ?? defaultPortalOrigins(host)),
  })
  const { headersMs = 10_000, requestMs = 30_000 } = timeouts
  const server = createServer({
    // Slow clients: headers must arrive within headersMs, the whole request within requestMs. Node checks
    // these only every connectionsCheckingInterval (30 s by default), hence a shorter interval.
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, headersMs / 4)),
  })
  server.setTimeout(2 * requestMs) // a connection silent that long (e.g. one that never reads) is dropped

  /** @type {WeakMap<import('node:net').Socket, import('node:http').ServerResponse>} */
  const inFlight = new WeakMap()
  const handle = (/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:http').ServerResponse} */ res) => {
    inFlight.set(req.socket, res)
    // Once answered, a parse error in the connection's next request must again get its 4xx.
    res.once('close', () => inFlight.get(req.socket) === res && inFlight.delete(req.socket))
    res.on('error', () => res.destroy()) // a write to a vanished client: nothing to tell anyone
    respond(req, res, { root, policy, maxBodyBytes }).catch((error) => {
      console.error('serve: request failed', req.method, req.url, error)
      try {
        if (res.headersSent) res.destroy()
        else sendStatus(res, 500)
      } catch {
        res.destroy()
      }
    })
  }
  server.on('request', handle)
  // With a listener, Node leaves `Expect: 100-continue` to us: a too-large upload is refused before it is sent.
  server.on('checkContinue', handle)
  // Unparsable requests (bad request line, NUL, oversized headers, header timeout) never reach `handle`.
  server.on('clientError', (/** @type {NodeJS.ErrnoException} */ error, socket) => {
    if (socket.writable && !inFlight.get(socket)?.headersSent && error.code !== 'ECONNRESET') {
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    socket.destroy()
  })

  // Ready before most first requests; a request that comes earlier waits for (or starts) its file's turn.
  precompressAll(root).catch(() => undefined)
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
      // server.close() also drops idle keep-alive connections; a slow client is cut by its timeout.
      const close = () => new Promise((closed) => server.close(() => closed(undefined)))
      done({ url: `http://${shown}:${actual}/`, close: () => close().then(() => undefined) })
    })
  })
}

/**
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {{ root: string, policy: string, maxBodyBytes: number }} context
 */
async function respond(req, res, { root, policy, maxBodyBytes }) {
  const method = req.method ?? ''
  if (!METHODS.split(', ').includes(method)) return sendStatus(res, 405, { Allow: METHODS })
  if (declaredTooLarge(req, maxBodyBytes)) return sendStatus(res, 413)
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue()
  const drained = await drainBody(req, maxBodyBytes)
  if (drained === 'too-large') return sendStatus(res, 413)
  if (drained === 'aborted') return void res.destroy()

  const target = resolveRequestPath(req.url ?? '', root)
  if (target.status !== 200) return sendStatus(res, target.status)
  const content = await readServedFile(root, target.file)
  if (!content) return sendStatus(res, 404)
  const type = extname(target.file)
  const isPage = type === '.html'
  if (method === 'POST' && !isPage) return sendStatus(res, 405, { Allow: 'GET, HEAD' })

  const variants = await compressedVariants(target.file, content)
  const negotiated = Boolean(variants.br ?? variants.gzip)
  const headers = {
    ...COMMON,
    'Cache-Control': cacheControl(target.path),
    ETag: content.etag,
    'Last-Modified': content.lastModified,
    ...(negotiated ? { Vary: 'Accept-Encoding' } : {}),
    ...(isPage ? { 'Content-Security-Policy': policy } : {}),
  }
  // A POST is the portal opening the page: always the page itself, never a 304.
  if (method !== 'POST' && isNotModified(req.headers, content)) return void res.writeHead(304, headers).end()
  const encoding = pickEncoding(req.headers['accept-encoding'], variants)
  const body = (encoding && variants[encoding]) || content.body
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[type] ?? 'application/octet-stream',
    'Content-Length': body.length,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  })
  res.end(method === 'HEAD' ? undefined : body)
}

/**
 * An error answer. While the request's body is not read to its end, the connection is closed after it:
 * otherwise Node would read (and drop) whatever the client goes on sending.
 * @param {import('node:http').ServerResponse} res @param {number} status @param {Record<string, string>} [extra]
 */
function sendStatus(res, status, extra = {}) {
  const text = `${status} ${STATUS_CODES[status] ?? ''}\n`
  res.writeHead(status, {
    ...COMMON,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(res.req.complete ? {} : { Connection: 'close' }),
  })
  res.end(res.req.method === 'HEAD' ? undefined : text)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = process.env
  const served = await startServer({
    dir: env.DIST ?? 'dist',
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    frameAncestors: env.FRAME_ANCESTORS ?? '*',
    portalOrigins: env.PORTAL_ORIGINS || undefined,
  })
  console.log(`Task Chat is served at ${served.url} (handler: ${served.url}index.html, install: ${served.url}install.html)`)
}
