// Request bodies. The only body the app ever receives is Bitrix24's form POST to a page (AUTH_ID,
// REFRESH_ID, PLACEMENT, PLACEMENT_OPTIONS, …: a few kilobytes). The app reads none of it (the SDK gets
// what it needs from the frame handshake), so it is read to the end and dropped, with a ceiling.

/** Well above any portal form POST, far below anything that could hurt. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * Whether the declared length already exceeds the limit (answer 413 before reading anything).
 * @param {import('node:http').IncomingMessage} req @param {number} limit
 */
export function declaredTooLarge(req, limit) {
  const length = Number(req.headers['content-length'] ?? 0)
  return !Number.isFinite(length) || length > limit
}

/**
 * Reads and discards the body.
 * @param {import('node:http').IncomingMessage} req @param {number} limit
 * @returns {Promise<'ok' | 'too-large' | 'aborted'>} too-large as soon as more than `limit` bytes came
 *   (a chunked body declares no length)
 */
export function drainBody(req, limit) {
  return new Promise((done) => {
    let received = 0
    const finish = (/** @type {'ok' | 'too-large' | 'aborted'} */ outcome) => {
      req.removeAllListeners('data')
      done(outcome)
    }
    req.on('data', (/** @type {Buffer} */ chunk) => {
      received += chunk.length
      if (received > limit) {
        req.pause() // stop reading: the connection is closed after the 413
        finish('too-large')
      }
    })
    req.once('end', () => finish('ok'))
    req.once('error', () => finish('aborted'))
    req.once('close', () => finish('aborted')) // after 'end' this is a no-op: done() was called
  })
}
