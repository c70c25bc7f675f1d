import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { en } from '../../src/i18n/en'

let source: string | undefined

/**
 * probe.ts as one self-contained script. Bundled by esbuild rather than passed to Playwright as a
 * function, because tsx compiles functions with `__name` helpers that do not exist in the browser.
 */
export function probeSource(): string {
  source ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./probe.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    // The composer's accessible name in the card's language (the bench opens cards in English).
    define: { __COMPOSER_LABEL__: JSON.stringify(en['composer.label']) },
  }).outputFiles[0]!.text
  return source
}
