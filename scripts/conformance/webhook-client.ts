/**
 * Calls a portal through an inbound webhook with plain fetch (this is a checking kit, not the app:
 * the app goes through the SDK). v2 at <hook>/<method>, v3 at the same URL with /rest/api/. Every
 * answer comes back as data, never thrown, so a refusal is something to report, not a crash.
 */
import { stringify } from 'qs'

export type Outcome = { ok: true; result: unknown; body: Record<string, unknown> } | { ok: false; status: number; code: string; description: string }

/**
 * Bitrix24's bucket holds 50 requests and drains 2 a second per portal (settings/performance/limits.md):
 * the first calls go at once, later ones are spaced, so the kit is never the cause of a refusal.
 */
const BURST = 20
const SPACING_MS = 550
const RETRIES_ON_LIMIT = 3

export class WebhookClient {
  readonly v2Base: string
  readonly v3Base: string
  private last = 0
  private calls = 0

  constructor(url: string) {
    const match = /^(https?:\/\/[^/]+)\/rest\/(?:api\/)?(\d+)\/([^/]+)\/?/.exec(url.trim())
    if (!match) throw new Error(`Not an inbound webhook URL (https://<portal>/rest/<userId>/<secret>/): ${url}`)
    this.v2Base = `${match[1]}/rest/${match[2]}/${match[3]}/`
    this.v3Base = `${match[1]}/rest/api/${match[2]}/${match[3]}/`
  }

  /** The webhook owner's id, from the URL. */
  get userId(): number {
    return Number(/\/rest\/(\d+)\//.exec(this.v2Base)?.[1])
  }

  v2(method: string, params: Record<string, unknown> = {}): Promise<Outcome> {
    return this.post(this.v2Base + method, params)
  }

  v3(method: string, params: Record<string, unknown> = {}): Promise<Outcome> {
    return this.post(this.v3Base + method, params)
  }

  /** v2 batch, `halt` off: rows are `method?query` strings; `$result[key][...]` chains them. */
  batch(rows: Record<string, [string, Record<string, unknown>]>): Promise<Outcome> {
    const cmd = Object.fromEntries(Object.entries(rows).map(([key, [method, params]]) => [key, `${method}?${stringify(params, { encodeValuesOnly: true })}`]))
    return this.post(`${this.v2Base}batch`, { halt: 0, cmd })
  }

  private async post(url: string, params: Record<string, unknown>): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      const wait = this.last + SPACING_MS - Date.now()
      if (++this.calls > BURST && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      this.last = Date.now()
      const outcome = await this.once(url, params)
      if (outcome.ok || outcome.code !== 'QUERY_LIMIT_EXCEEDED' || attempt >= RETRIES_ON_LIMIT) return outcome
      await new Promise((resolve) => setTimeout(resolve, 2000 * (attempt + 1)))
    }
  }

  private async once(url: string, params: Record<string, unknown>): Promise<Outcome> {
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) })
    } catch (error) {
      return { ok: false, status: 0, code: 'NETWORK', description: error instanceof Error ? error.message : String(error) }
    }
    const text = await response.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return { ok: false, status: response.status, code: 'NOT_JSON', description: text.slice(0, 120) }
    }
    const record = (body ?? {}) as Record<string, unknown>
    const error = record['error']
    // v2: {error, error_description}; v3: {error:{code, message}}
    if (error !== undefined && error !== null && error !== '') {
      if (typeof error === 'object') {
        const v3 = error as Record<string, unknown>
        return { ok: false, status: response.status, code: String(v3['code'] ?? 'UNKNOWN'), description: String(v3['message'] ?? '') }
      }
      return { ok: false, status: response.status, code: String(error), description: String(record['error_description'] ?? '') }
    }
    if (!response.ok || !('result' in record)) return { ok: false, status: response.status, code: `HTTP_${response.status}`, description: text.slice(0, 120) }
    return { ok: true, result: record['result'], body: record }
  }
}
