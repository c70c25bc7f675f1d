/**
 * Base64 checks for im.v2.File.upload's `fields.content`, by a loop over character codes. A regular
 * expression with a repeated group (`(?:[A-Za-z0-9+/]{4})*`) backtracks through V8's stack and throws
 * "Maximum call stack size exceeded" on a text of about 5 million characters: a 4 MB file was answered
 * 500 (#24). These run in constant stack whatever the length, up to the 100 MB the method takes.
 */

/** A–Z, a–z, 0–9, + and /: the standard alphabet (RFC 4648 §4), no padding. */
function isAlphabet(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47
}

/** How many `=` end the text (0, 1, 2, or more, which no Base64 has). */
function paddingOf(text: string): number {
  let pad = 0
  while (pad < text.length && text.charCodeAt(text.length - 1 - pad) === 61) pad++
  return pad
}

function allAlphabet(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isAlphabet(text.charCodeAt(i))) return false
  return true
}

/** The standard alphabet in groups of four, the last one padded with `=` as needed, nothing else. */
export function isStrictBase64(text: string): boolean {
  const pad = paddingOf(text)
  return text.length % 4 === 0 && pad <= 2 && allAlphabet(text, text.length - pad)
}

/**
 * What PHP's base64_decode lets by besides: whitespace anywhere and missing padding. Answers the text
 * without its whitespace, or undefined when it is not Base64 at all (a length of 4n+1 decodes to nothing whole).
 */
export function lenientBase64(text: string): string | undefined {
  const compact = /\s/.test(text) ? text.replace(/\s+/g, '') : text
  const pad = paddingOf(compact)
  const body = compact.length - pad
  return pad <= 2 && body % 4 !== 1 && allAlphabet(compact, body) ? compact : undefined
}

/** The bytes a valid Base64 text decodes to, counted without decoding it. */
export function decodedLength(text: string): number {
  return Math.floor(((text.length - paddingOf(text)) * 3) / 4)
}

/** The longest Base64 text (padded) of a file of `bytes` bytes. */
export function encodedLength(bytes: number): number {
  return 4 * Math.ceil(bytes / 3)
}
