// `npm start`: the local portal with the app framed in its demo task card.
//   PORT (8080) portal, APP_PORT (5173) app, APP_MODE dev|dist (dev = Vite with HMR, dist = ./dist),
//   APP_DIST (dist) the build served in dist mode, PORTAL_DATA (.portal-data) where the portal keeps what users posted.
import { createServer as createVite } from 'vite'
import { createHostHandler } from './host/host-handler'
import { startPortalServer } from './server'
import { startServer } from '../../server/serve.mjs'

const port = Number(process.env['PORT'] ?? 8080)
const appPort = Number(process.env['APP_PORT'] ?? 5173)
const mode = process.env['APP_MODE'] === 'dist' ? 'dist' : 'dev'
const dataDir = process.env['PORTAL_DATA'] ?? '.portal-data'
const appDist = process.env['APP_DIST'] ?? 'dist'

async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  if (mode === 'dist') return startServer({ dir: appDist, port: appPort, host: 'localhost' })
  const vite = await createVite({ server: { port: appPort, host: 'localhost', strictPort: true } })
  await vite.listen()
  return { url: `http://localhost:${appPort}/`, close: () => vite.close() }
}

const app = await startApp()
// The app must live on another origin than the portal (localhost vs 127.0.0.1), as in real life.
// The host pages need the portal the server creates, so the server gets them through this slot.
const host: { handler?: ReturnType<typeof createHostHandler> } = {}
const portal = await startPortalServer({ port, dataDir, hostHandler: (req, url) => host.handler?.(req, url) ?? null })
host.handler = createHostHandler(portal.portal, app.url)

console.log(`Local Bitrix24 portal: ${portal.origin}  (app served from ${app.url}, ${mode} mode)`)
console.log(`Demo task card: ${portal.origin}/`)
console.log(`Any task as any user: ${portal.origin}/task/<id>?user=<id>&lang=<en|ru|de>`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([portal.close(), app.close()]).then(() => process.exit(0))
  })
}
