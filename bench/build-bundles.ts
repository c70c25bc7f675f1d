import { resolve } from 'node:path'
import { build } from 'vite'
import { APP_DIST, FLOOR_DIST, FLOOR_FEED_DIST } from './config'

/** `sourcemap`: a .map beside every chunk, the chunks themselves unchanged (no sourceMappingURL comment), for bench:trace. */
export interface BuildOptions {
  sourcemap?: boolean
}

/**
 * The app's production bundle, built with the project's own vite.config.ts, but into
 * bench-results/ so that a bench run never rewrites the dist/ the e2e suite may be serving.
 */
export async function buildApp({ sourcemap = false }: BuildOptions = {}): Promise<void> {
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    build: { outDir: resolve(APP_DIST), emptyOutDir: true, ...(sourcemap && { sourcemap: 'hidden' as const }) },
  })
}

/** The floor page (bench/floor/), from the same node_modules with the same React plugin. Absolute outDir: the floor config's root is bench/floor. */
export async function buildFloor(): Promise<void> {
  await build({ configFile: 'bench/floor/vite.config.ts', logLevel: 'error', build: { outDir: resolve(FLOOR_DIST), emptyOutDir: true } })
}

/** The 50-article floor (bench/floor-feed/), built the same way. */
export async function buildFeedFloor({ sourcemap = false }: BuildOptions = {}): Promise<void> {
  await build({
    configFile: 'bench/floor-feed/vite.config.ts',
    logLevel: 'error',
    build: { outDir: resolve(FLOOR_FEED_DIST), emptyOutDir: true, ...(sourcemap && { sourcemap: 'hidden' as const }) },
  })
}
