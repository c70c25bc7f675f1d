import { startServer } from '../../server/serve.mjs'

/** Serves a built app on its own origin with the production server (answers POST as a portal sends it). */
export function serveBuiltApp(dir: string, port: number, host = 'localhost'): Promise<{ url: string; close(): Promise<void> }> {
  return startServer({ dir, port, host })
}
