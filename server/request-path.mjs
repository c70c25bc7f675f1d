// Turns a request target into a file under the served folder, or the status that refuses it.
// The raw target is parsed by hand, not with `new URL`: WHATWG URL parsing silently turns `\` into `/`
// and resolves `%2e%2e`, which would hide exactly the requests this function must see and refuse.
import { resolve, sep } from 'node:path'

/** Longest request target we read (the portal's GET to the handler carries a short query). */
export const MAX_URL_LENGTH = 8 * 1024

/**
 * @param {string} target the request line's target (origin-form `/a/b?q`, or absolute-form)
 * @param {string} root absolute path of the served folder
 * @returns {{ status: 200, file: string, path: string } | { status: 400 | 404 | 414 }}
 *   400: the target is malformed or could only be a traversal attempt (no browser sends it);
 *   404: well-formed, but names nothing we serve (dotfiles, or anything outside `root`).
 */
export function resolveRequestPath(target, root) {
  if (target.length > MAX_URL_LENGTH) return { status: 414 }
  // Absolute-form (`GET http://host/x`) is legal HTTP; only its path matters here.
  const withoutOrigin = target.replace(/^https?:\/\/[^/?#]*/i, '')
  if (!withoutOrigin.startsWith('/')) return { status: 400 } // `*`, `dist-old/x`, empty
  const rawPath = withoutOrigin.split(/[?#]/, 1)[0] ?? '/'
  // A backslash is a separator on Windows and a trick everywhere: browsers send it as `/` or `%5C`.
  if (rawPath.includes('\\')) return { status: 400 }
  const segments = []
  for (const raw of rawPath.slice(1).split('/')) {
    let segment
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { status: 400 } // `%E0%A4%A`, `%zz`: not a valid escape
    }
    // Decoded separators or NUL inside one segment (`..%2Fdist-old`, `%5C`, `%00`) never name a real file.
    if (/[/\\\0]/.test(segment)) return { status: 400 }
    // Browsers and fetch resolve `.`/`..` (also `%2e%2e`) before sending: one arriving here is crafted.
    if (segment === '.' || segment === '..') return { status: 400 }
    // Hidden files (`.env`, `.git`) are never part of a build: do not reveal whether they exist.
    if (segment.startsWith('.')) return { status: 404 }
    segments.push(segment)
  }
  const path = `/${segments.join('/')}`
  const relative = path.endsWith('/') ? `${path}index.html` : path
  const file = resolve(root, `.${relative}`)
  // Defence in depth: after resolving, the file must be `root` or inside it. The separator matters:
  // a bare startsWith(root) lets `/srv/dist-old/secret` pass as "inside" `/srv/dist`.
  if (file !== root && !file.startsWith(root + sep)) return { status: 404 }
  return { status: 200, file, path: relative }
}
