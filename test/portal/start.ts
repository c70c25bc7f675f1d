// `npm start`: the local portal with the app framed in its demo task card.
//   PORT (8080) portal, APP_PORT (5173) app, APP_MODE dev|dist (dev = Vite with HMR, dist = ./dist),
//   APP_DIST (dist) the build served in dist mode, PORTAL_DATA (.portal-data) where the portal keeps what users posted.
// One portal per data folder (data-lock.ts): a second start on a folder in use says so and exits with 1.
import { resolve } from 'node:path'
import { createServer as createVite } from 'vite'
import { lockDataFolder } from './data-lock'
import { createHostHandler } from './host/host-handler'
import { startPortalServer } from './server'
import { startServer } from '../../server/serve.mjs'
import { ensureDist, folderInUse } from './start-help'

const port = Number(process.env['PORT'] ?? 8080)
const appPort = Number(process.env['APP_PORT'] ?? 5173)
const mode = process.env['APP_MODE'] === 'dist' ? 'dist' : 'dev'
const dataDir = process.env['PORTAL_DATA'] ?? '.portal-data'
const appDist = process.env['APP_DIST'] ?? 'dist'

const locked = lockDataFolder(dataDir)
if (!locked.ok) {
  console.error(folderInUse(resolve(dataDir), locked.holder, { port, appPort }))
  process.exit(1)
}
const lock = locked.lock
// Released however the process ends but SIGKILL, after which the next start finds the lock stale.
process.on('exit', () => lock.release())

async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  if (mode === 'dist') {
    await ensureDist(appDist)
    return startServer({ dir: appDist, port: appPort, host: 'localhost' })
  }
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
lock.describe({ portal: `${portal.origin}/`, app: app.url })

console.log(`Local Bitrix24 portal: ${portal.origin}  (app served from ${app.url}, ${mode} mode; data in ${resolve(dataDir)})`)
console.log(`Demo task card: ${portal.origin}/`)
console.log(`Any task as any user: ${portal.origin}/task/<id>?user=<1-8>&lang=<en|ru|de|la|br|pl|ua>`)
// Bitrix24's LANG codes, which the app reads (src/i18n/languages.ts); es, pt-br and uk are taken too.
console.log('  (lang: English, Russian, German, la Spanish, br Portuguese (Brazil), Polish, ua Ukrainian)')

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([portal.close(), app.close()]).then(() => process.exit(0))
  })
}
