import { ApiVersion, type B24Frame } from '@bitrix24/b24jssdk'

/**
 * Off for now. The app runs on its own origin, so every REST call is preceded by a CORS preflight,
 * and Bitrix24 answers it with `Access-Control-Allow-Headers: origin, content-type, accept`
 * (CRestUtil::sendHeaders, rest/classes/general/rest_util.php; rest/include.php for OPTIONS): a write
 * carrying `Idempotency-Key` would be stopped by the browser and never reach the portal. The docs
 * (api-reference/rest-v3.md) say nothing of CORS. `npm run conformance` reports whether a portal's
 * preflight lets the header through; where it does, turning this on makes every v3 write carry one.
 * Writes never depend on it: each is sent once, and one that may have landed is looked for first.
 */
export const SEND_IDEMPOTENCY_KEYS = false

/**
 * REST 3.0 stores a successful write's answer per `Idempotency-Key` for a day (api-reference/rest-v3.md):
 * the same key with the same body replays it instead of writing again. The SDK takes no per-call
 * headers, so, as upload-transfers.ts does for uploads, one request interceptor on the v3 client
 * recognises a write by the `bx24_request_id` in its URL and adds its key to that request alone.
 * The SDK's token refresh (401 expired_token) re-sends the same request with the same key: the
 * first was never carried out, so that is one write.
 */
export function trackIdempotencyKeys(b24: B24Frame, send: boolean): Map<string, string> {
  const keys = new Map<string, string>()
  if (!send) return keys // noted by writeV3, never put on a request
  b24.getHttpClient(ApiVersion.v3).ajaxClient.interceptors.request.use((config) => {
    const id = new URL(config.url ?? '', 'http://request.invalid').searchParams.get('bx24_request_id')
    const key = id === null ? undefined : keys.get(id)
    if (key !== undefined) config.headers.set('Idempotency-Key', key)
    return config
  })
  return keys
}
