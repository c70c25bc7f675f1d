import { readFile } from 'node:fs/promises'
import { dirname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface InitialJs {
  /** `lazy`: not in the entry's static imports, but asked for before the first message all the same. */
  files: { name: string; raw: number; gzip: number; lazy?: boolean }[]
  raw: number
  gzip: number
}

/** `<script type="module" src>` and `<link rel="modulepreload" href>`: what index.html makes the browser fetch first. */
function entryScripts(html: string): string[] {
  const found: string[] = []
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) found.push(match[1]!)
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.push(match[1]!)
  return found
}

/**
 * Static imports of a minified ES chunk (`import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`).
 * Dynamic `import("./lazy.js")` is left out on purpose: it is not initial JS.
 */
function staticImports(code: string): string[] {
  const found: string[] = []
  for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) found.push(match[1]!)
  return found
}

/**
 * The entry chunk and everything it statically imports, each file once, raw and gzipped (level 9, as
 * a CDN would); and `fetchedBeforeFirst` (paths the page asked for before its first message, from the
 * first-paint runs): a chunk imported dynamically but awaited before the first message (a language's
 * catalogue, a lazy component of the first screen) is initial JS too, and so is a prefetch that
 * competes with the first message.
 */
export async function measureInitialJs(distDir: string, fetchedBeforeFirst: string[] = []): Promise<InitialJs> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8')
  const seen = new Set<string>()
  const files: InitialJs['files'] = []
  // The static closure first, then what else was asked for (and what it imports) as lazy.
  async function closure(roots: string[], lazy: boolean) {
    const queue = [...roots]
    while (queue.length > 0) {
      const file = queue.shift()!
      if (seen.has(file) || !file.endsWith('.js')) continue
      seen.add(file)
      const bytes = await readFile(file)
      files.push({ name: file.slice(distDir.length + 1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, ...(lazy && { lazy }) })
      for (const spec of staticImports(bytes.toString('utf8'))) queue.push(normalize(join(dirname(file), spec)))
    }
  }
  await closure(
    entryScripts(html).map((src) => normalize(join(distDir, src))),
    false,
  )
  await closure(
    fetchedBeforeFirst.filter((path) => path.includes('/assets/')).map((path) => normalize(join(distDir, path.slice(path.lastIndexOf('/assets/'))))),
    true,
  )
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  }
}
