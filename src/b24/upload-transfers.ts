import { ApiVersion, type B24Frame } from '@bitrix24/b24jssdk'

/** What the caller of one large call wants to hear of its request body, and how to stop it. */
export interface TransferOptions {
  /** Bytes of the request body sent so far, of `total` (0 while the browser does not know). */
  onProgress?(sent: number, total: number): void
  /** Aborting it stops the request; the call then fails with the SDK's ERR_CANCELED, not retried. */
  signal?: AbortSignal
  /** A body this large needs longer than the SDK's 30 s for all requests. */
  timeoutMs?: number
}

/**
 * The SDK sends every call with one axios instance and takes no per-call options, but it exposes
 * that instance (`getHttpClient(v).ajaxClient`, the way its own docs raise the timeout for long
 * uploads). One request interceptor recognises a call by the `bx24_request_id` the SDK puts in its
 * URL, the id we handed to `call.make`, and adds axios's upload progress, abort signal and timeout
 * to that request alone. The call itself stays the SDK's: auth, token refresh, rate limit, errors.
 */
export function trackTransfers(b24: B24Frame): Map<string, TransferOptions> {
  const transfers = new Map<string, TransferOptions>()
  b24.getHttpClient(ApiVersion.v2).ajaxClient.interceptors.request.use((config) => {
    const id = new URL(config.url ?? '', 'http://request.invalid').searchParams.get('bx24_request_id')
    const transfer = id === null ? undefined : transfers.get(id)
    if (!transfer) return config
    const { onProgress, signal, timeoutMs } = transfer
    if (onProgress) config.onUploadProgress = (event) => onProgress(event.loaded, event.total ?? 0)
    if (signal) config.signal = signal
    if (timeoutMs !== undefined) config.timeout = Math.max(config.timeout ?? 0, timeoutMs)
    return config
  })
  return transfers
}
