/** What `npm start` tells a user before it starts: a data folder in use, a build that is missing. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import type { LockHolder } from './data-lock'

/** Ports ten above (0, any free port, stays 0). */
const next = (port: number): number => (port === 0 ? 0 : port + 10)

/** The refusal of a second portal on a folder in use: which folder, who holds it, how to run another. */
export function folderInUse(absolute: string, holder: LockHolder | null, ports: { port: number; appPort: number }): string {
  const who = holder
    ? `another local portal (pid ${holder.pid}${holder.since ? `, since ${holder.since}` : ''}${holder.portal ? `, portal ${holder.portal}` : ''}${holder.app ? `, app ${holder.app}` : ''})`
    : 'another local portal that is starting'
  // Inside .portal-data, which git ignores, named by its port as the browser tests' folders are.
  const other = `.portal-data/${ports.port === 0 ? 'another' : `port-${next(ports.port)}`}`
  return [
    `npm start: the data folder ${absolute} is in use by ${who}.`,
    'Two portals on one folder would hand out the same message ids, so this one did not start; nothing in the folder was changed.',
    'Use the running one, or stop it (Ctrl+C in its terminal) and start again, or run a second one with its own folder and ports:',
    `  PORTAL_DATA=${other} PORT=${next(ports.port)} APP_PORT=${next(ports.appPort)} npm start`,
  ].join('\n')
}

/** APP_MODE=dist serves a build: when there is none yet, it is made first (what `npm run build:app` does). */
export async function ensureDist(dir: string): Promise<void> {
  if (existsSync(join(dir, 'index.html'))) return
  console.log(`No build in ${dir}/ yet: building the app first (vite build --outDir ${dir}).`)
  await build({ logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } })
}
