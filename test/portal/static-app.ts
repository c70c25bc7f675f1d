import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

/**
 * Serves a built app (dist/) on its own origin, as an app host would. Answers POST on any page
 * the way Bitrix24 loads non-static apps (a form POST into the frame).
 */
export function serveBuiltApp(dir: string, port: number, host = 'localhost'): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(dir)
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)))
      if (!file.startsWith(root) || !['GET', 'HEAD', 'POST'].includes(req.method ?? '')) {
        res.writeHead(404).end()
        return
      }
      try {
        const body = await readFile(file)
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end('Not found')
      }
    })()
  })
  return new Promise((done) => {
    server.listen(port, host, () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      done({ url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(() => r())) })
    })
  })
}
