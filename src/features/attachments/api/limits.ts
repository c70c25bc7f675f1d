/**
 * im.v2.File.upload takes files up to "100 MB" (chat-bots-v2/im.v2/files/file-upload.md, FILE_TOO_LARGE).
 * Read as 100,000,000 bytes, the smaller of the two readings, so that nothing the app lets through
 * is refused for its size by a portal that counts the other way.
 */
export const MAX_FILE_BYTES = 100_000_000

/** Why a chosen file is not sent at all: checked before a byte is read, so nothing is uploaded. */
export type Refusal = 'too-large' | 'empty'

export function refusalOf(size: number, limit = MAX_FILE_BYTES): Refusal | null {
  if (size > limit) return 'too-large'
  // The portal answers FILE_EMPTY for empty content: say so before sending.
  if (size === 0) return 'empty'
  return null
}
