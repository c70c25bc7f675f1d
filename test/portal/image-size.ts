/**
 * Width and height of an uploaded image, read from its header as Disk does before it lists a file
 * as an image (`image: {width, height}` in the File object, chat-bots-v2/entities.md#file). Only
 * formats a browser shows inline; anything unreadable is not an image.
 */
interface ImageSize {
  width: number
  height: number
}

function png(b: Buffer): ImageSize | null {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10]
  if (b.length < 24 || !signature.every((byte, i) => b[i] === byte) || b.toString('ascii', 12, 16) !== 'IHDR') return null
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

function gif(b: Buffer): ImageSize | null {
  if (b.length < 10 || !/^GIF8[79]a$/.test(b.toString('ascii', 0, 6))) return null
  return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) }
}

/** Walks the JPEG segments to the first start-of-frame marker (SOF0..SOF15 but DHT, JPG, DAC). */
function jpeg(b: Buffer): ImageSize | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1] ?? 0
    const length = b.readUInt16BE(at + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) }
    }
    at += 2 + length
  }
  return null
}

function webp(b: Buffer): ImageSize | null {
  if (b.length < 30 || b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WEBP') return null
  const kind = b.toString('ascii', 12, 16)
  if (kind === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) }
  if (kind === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff }
  if (kind === 'VP8L') {
    const bits = b.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  return null
}

const READERS: Record<string, (b: Buffer) => ImageSize | null> = { png, gif, jpg: jpeg, jpeg, webp }

/** The image's size when the extension is an image format and the bytes are that format; else null. */
export function imageSize(extension: string, bytes: Buffer): ImageSize | null {
  const size = READERS[extension]?.(bytes) ?? null
  return size && size.width > 0 && size.height > 0 ? size : null
}

/** Content types of uploaded files served back inline; everything else downloads as bytes. */
export const UPLOADED_TYPES: Record<string, string> = {
  png: 'image/png',
  gif: 'image/gif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
}
