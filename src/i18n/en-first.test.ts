import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { en, enRest } from './en'
import { enFirst } from './en-first'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// `import … from './x'`, `export … from './x'` and `import './x.css'`; not `import type`, not `import('./x')`.
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/g
const KEY = /'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec)
  return [`${base}.ts`, `${base}.tsx`, base].find((file) => /\.tsx?$/.test(file) && existsSync(file)) ?? null
}

/** Every module the task card's initial script holds: what main.tsx imports, statically, all the way down. */
function initialModules(): Set<string> {
  const seen = new Set<string>()
  const walk = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = resolveImport(file, spec!)
      if (target) walk(target)
    }
  }
  walk(resolve(SRC, 'main.tsx'))
  return seen
}

describe('the first part of English', () => {
  const modules = initialModules()
  const catalogueFiles = new Set(['en.ts', 'en-first.ts'].map((name) => resolve(SRC, 'i18n', name)))
  const used = new Set<string>()
  for (const file of modules) {
    if (catalogueFiles.has(file)) continue
    for (const [, key] of readFileSync(file, 'utf8').matchAll(KEY)) if (key! in en) used.add(key!)
  }

  it('is what the initial script holds, and the rest is not in it', () => {
    const relative = [...modules].map((file) => file.slice(SRC.length + 1))
    expect(relative).toEqual(expect.arrayContaining(['main.tsx', 'screens/task-chat/first-frame.tsx', 'app/boot-shell.tsx', 'i18n/en-first.ts']))
    expect(relative).not.toContain('i18n/en.ts')
    expect(relative).not.toContain('screens/task-chat/task-chat-screen.tsx')
    expect(relative).not.toContain('screens/task-chat/screen-with-cache.tsx')
  })

  it('has every key a module of the initial script names, and no other', () => {
    expect(
      [...used].filter((key) => !(key in enFirst)),
      'used before the rest of English has loaded: move to en-first.ts',
    ).toEqual([])
    expect(
      Object.keys(enFirst).filter((key) => !used.has(key)),
      'not used by the initial script: move to en.ts',
    ).toEqual([])
  })

  it('and the rest together are all of English, each key in one of them', () => {
    expect(Object.keys(enFirst).filter((key) => key in enRest)).toEqual([])
    expect(Object.keys(en).sort()).toEqual([...Object.keys(enFirst), ...Object.keys(enRest)].sort())
  })
})
