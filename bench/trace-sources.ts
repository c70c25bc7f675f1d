/**
 * Which of our source files (or which package) a function of a built chunk comes from, read off the
 * chunk's source map (the trace builds the app with hidden source maps: the same code, a .map
 * beside it). A VLQ decoder of our own rather than a library the project does not depend on.
 */
import { readFileSync } from 'node:fs'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Per generated line, its segments as [generated column, source index] (sorted by column). */
function decode(mappings: string): [number, number][][] {
  const lines: [number, number][][] = []
  let source = 0
  for (const line of mappings.split(';')) {
    const segments: [number, number][] = []
    let column = 0
    for (const segment of line.split(',')) {
      if (!segment) continue
      const fields: number[] = []
      let value = 0
      let shift = 0
      for (const char of segment) {
        const digit = BASE64.indexOf(char)
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      column += fields[0]!
      // Fields 3 and 4 (original line and column) are not needed: the file is.
      if (fields.length >= 4) {
        source += fields[1]!
        segments.push([column, source])
      }
    }
    lines.push(segments)
  }
  return lines
}

/** node_modules/<package> for a dependency, the path from src/ for our own code. */
export function sourceArea(path: string): string {
  const modules = path.lastIndexOf('node_modules/')
  if (modules !== -1) {
    const rest = path.slice(modules + 'node_modules/'.length).split('/')
    return `node_modules/${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`
  }
  const src = path.lastIndexOf('src/')
  return src !== -1 ? path.slice(src) : path.replace(/^(\.\.\/)+/, '')
}

export interface SourceMapLookup {
  /** The source area of the generated position (0-based line and column), or null where the map says nothing. */
  at(line: number, column: number): string | null
}

const cache = new Map<string, SourceMapLookup | null>()

/** The lookup for a built chunk (its .map beside it), or null when it has none. */
export function sourceMapOf(chunkFile: string): SourceMapLookup | null {
  if (cache.has(chunkFile)) return cache.get(chunkFile)!
  let lookup: SourceMapLookup | null
  try {
    const map = JSON.parse(readFileSync(`${chunkFile}.map`, 'utf8')) as { sources: string[]; mappings: string }
    const lines = decode(map.mappings)
    lookup = {
      at(line, column) {
        const segments = lines[line]
        if (!segments?.length) return null
        // The last segment at or before the column.
        let lo = 0
        let hi = segments.length - 1
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1
          if (segments[mid]![0] <= column) lo = mid
          else hi = mid - 1
        }
        const source = map.sources[segments[lo]![1]]
        return source === undefined ? null : sourceArea(source)
      },
    }
  } catch {
    lookup = null
  }
  cache.set(chunkFile, lookup)
  return lookup
}
