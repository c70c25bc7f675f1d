// Response headers: the pages' Content Security Policy, caching, content negotiation and
// conditional requests.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1'])

/**
 * A CSP source list from configuration. A `;` or `,` would start another directive or policy, and a
 * control character would make every response fail: refused when the server starts.
 * @param {string} name @param {string} value
 */
export function sourceList(name, value) {
  const control = [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  if (!value.trim() || control || /[;,]/.test(value)) throw new Error(`${name}: not a CSP source list: ${JSON.stringify(value)}`)
  return value.trim()
}

/**
 * Where the portal's REST answers, avatars and files come from: the portal's origin, different for
 * every customer, so any https origin. Served from a loopback host (the local portal, the e2e tests)
 * plain http too; an app page served over https could not load http anyway (mixed content).
 * @param {string} host
 */
export function defaultPortalOrigins(host) {
  return LOOPBACK.has(host) ? 'https: http:' : 'https:'
}

/**
 * The policy of the app's own pages. Vite emits no inline script or style, React sets `style` through
 * the CSSOM (which CSP does not govern), and nothing is eval'd: 'self' is enough for code and styles.
 * @param {{ frameAncestors: string, portalOrigins: string }} options
 */
export function pagePolicy({ frameAncestors, portalOrigins }) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${portalOrigins}`,
    `connect-src 'self' ${portalOrigins}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

/**
 * Vite names everything under /assets/ by content hash: a changed file is a new URL, so these never
 * need revalidating. Pages and any unhashed file are revalidated on every use (cheap with the ETag).
 * @param {string} path the decoded request path
 */
export function cacheControl(path) {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * The best encoding the client accepts among those we hold: brotli before gzip at equal weight,
 * identity when neither is acceptable (RFC 9110 §12.5.3).
 * @param {string | undefined} header Accept-Encoding
 * @param {{ br?: Buffer, gzip?: Buffer }} variants
 * @returns {'br' | 'gzip' | undefined}
 */
export function pickEncoding(header, variants) {
  if (!header) return undefined
  /** @type {Map<string, number>} */
  const weights = new Map()
  for (const part of header.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim())
    const q = params.find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    if (coding && Number.isFinite(weight)) weights.set(coding, weight)
  }
  const weightOf = (/** @type {string} */ coding) => weights.get(coding) ?? weights.get('*') ?? 0
  /** @type {'br' | 'gzip' | undefined} */
  let best
  for (const coding of /** @type {const} */ (['br', 'gzip'])) {
    if (variants[coding] && weightOf(coding) > 0 && (!best || weightOf(coding) > weightOf(best))) best = coding
  }
  return best
}

/**
 * Whether the client's cached copy is current (RFC 9110 §13.1): If-None-Match by weak comparison,
 * If-Modified-Since only when there is no If-None-Match.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {{ etag: string, mtimeMs: number }} file
 */
export function isNotModified(headers, file) {
  const noneMatch = headers['if-none-match']
  if (noneMatch !== undefined) {
    const tag = (/** @type {string} */ t) => t.trim().replace(/^W\//, '')
    return noneMatch.trim() === '*' || noneMatch.split(',').some((t) => tag(t) === tag(file.etag))
  }
  const since = Date.parse(headers['if-modified-since'] ?? '')
  // HTTP dates have whole seconds; the file's time has milliseconds.
  return Number.isFinite(since) && Math.floor(file.mtimeMs / 1000) * 1000 <= since
}
