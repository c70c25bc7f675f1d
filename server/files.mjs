// Reading served files: symlinks may not lead out of the folder, validators (ETag, Last-Modified)
// come from the same open file as the bytes, and text files are kept compressed (gzip and brotli) in
// memory, so every request after the first is a plain write.
import { open, readdir, realpath } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}
/** Formats that shrink when compressed (images and fonts already are). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.map', '.txt'])
/** Keeps a pathological file in the folder from filling memory with its compressed copies. */
const MAX_COMPRESSED_SOURCE = 8 * 1024 * 1024

/**
 * The file, if it is a regular file whose real location (symlinks followed) is inside `root`.
 * @param {string} root @param {string} file
 * @returns {Promise<{ body: Buffer, size: number, mtimeMs: number, etag: string, lastModified: string } | null>}
 */
export async function readServedFile(root, file) {
  let real, realRoot
  try {
    ;[real, realRoot] = await Promise.all([realpath(file), realpath(root)])
  } catch {
    return null // missing, or a dangling link
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return null
  const handle = await open(real, 'r').catch(() => null)
  if (!handle) return null
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return null
    const body = await handle.readFile()
    // Weak: the identity, gzip and brotli bodies are the same content, so they share one validator.
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
    return { body, size: stat.size, mtimeMs: stat.mtimeMs, etag, lastModified: new Date(stat.mtimeMs).toUTCString() }
  } finally {
    await handle.close()
  }
}

/** @type {Map<string, Promise<{ br?: Buffer, gzip?: Buffer }>>} keyed by path, size and mtime */
const compressed = new Map()

/**
 * The compressed bodies of a text file, made once per version of the file. A variant is dropped
 * when it is not smaller than the original (tiny files).
 * @param {string} file @param {{ body: Buffer, size: number, mtimeMs: number }} content
 * @returns {Promise<{ br?: Buffer, gzip?: Buffer }>}
 */
export function compressedVariants(file, content) {
  if (!COMPRESSIBLE.has(extname(file)) || content.size > MAX_COMPRESSED_SOURCE) return Promise.resolve({})
  const key = `${file}\0${content.size}\0${content.mtimeMs}`
  let variants = compressed.get(key)
  if (!variants) {
    // zlib's async forms run on the thread pool: a first request never stalls the others.
    variants = Promise.all([
      brotli(content.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.size } }),
      gzipAsync(content.body, { level: 9 }),
    ])
      .then(([br, gz]) => ({
        ...(br.length < content.size ? { br } : {}),
        ...(gz.length < content.size ? { gzip: gz } : {}),
      }))
      .catch(() => ({})) // cannot happen with a Buffer; if it did, the file is served uncompressed
    for (const old of compressed.keys()) if (old.startsWith(`${file}\0`)) compressed.delete(old) // a redeployed file
    compressed.set(key, variants)
  }
  return variants
}

/** Compresses every text file under `root` ahead of the first request for it (errors are ignored). */
export async function precompressAll(root, dir = root) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.name.startsWith('.')) continue
    if (entry.isDirectory()) await precompressAll(root, path)
    else if (entry.isFile() && COMPRESSIBLE.has(extname(path))) {
      const content = await readServedFile(root, path).catch(() => null)
      if (content) await compressedVariants(path, content).catch(() => undefined)
    }
  }
}
