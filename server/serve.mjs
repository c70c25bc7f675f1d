// `npm run serve`: a small production server for those who host Task Chat themselves.
//   PORT (3000), HOST (0.0.0.0), DIST (./dist), FRAME_ANCESTORS (who may frame the app; default any portal: '*').
// Bitrix24 loads a placement handler with a POST (form fields AUTH_ID, PLACEMENT, …) into the frame, so
// every page answers POST as well as GET. The app reads nothing from that POST: the SDK gets all it needs
// from the frame handshake.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * Serves a built app from `dir`. Pages may be framed by the portal (no X-Frame-Options; CSP
 * frame-ancestors as configured); hashed assets are cached for a year, pages never.
 * @param {{ dir: string, port: number, host?: string, frameAncestors?: string }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export function startServer({ dir, port, host = '0.0.0.0', frameAncestors = '*' }) {
  const root = resolve(dir)
  const server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET'
      if (!['GET', 'HEAD', 'POST'].includes(method)) {
        res.writeHead(405, { Allow: 'GET, HEAD, POST' }).end()
        return
      }
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname)
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path))
      if (!file.startsWith(root)) {
        res.writeHead(404).end('Not found')
        return
      }
      req.resume() // a POST body (the portal's form fields) is not needed
      try {
        const body = await readFile(file)
        const isPage = extname(file) === '.html'
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': isPage ? 'no-store' : 'public, max-age=31536000, immutable',
          'X-Content-Type-Options': 'nosniff',
          ...(isPage ? { 'Content-Security-Policy': `frame-ancestors ${frameAncestors}` } : {}),
        })
        res.end(method === 'HEAD' ? undefined : body)
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      }
    })()
  })
  return new Promise((done) => {
    server.listen(port, host, () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      const shown = host === '0.0.0.0' ? 'localhost' : host
      done({ url: `http://${shown}:${actual}/`, close: () => new Promise((r) => server.close(() => r())) })
    })
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = process.env
  const served = await startServer({
    dir: env.DIST ?? 'dist',
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    frameAncestors: env.FRAME_ANCESTORS ?? '*',
  })
  console.log(`Task Chat is served at ${served.url} (handler: ${served.url}index.html, install: ${served.url}install.html)`)
}
