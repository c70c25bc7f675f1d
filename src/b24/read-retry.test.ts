import { AjaxError } from '@bitrix24/b24jssdk'
import { describe, expect, it } from 'vitest'
import { PortalError } from './portal-error'
import { readRetryDelay } from './read-retry'
import { mayHaveLanded } from './write-outcome'

const answered = (code: string, status: number, headers: Record<string, string> = {}) =>
  new AjaxError({ code, description: code, status, requestInfo: { method: 'm' }, originalError: { response: { status, headers } } })

describe('readRetryDelay', () => {
  it('waits out a 503 of any code as the SDK would: its bucket refill plus a second, growing 1.5x', () => {
    expect(readRetryDelay(answered('QUERY_LIMIT_EXCEEDED', 503), 0)).toBe(1_500)
    expect(readRetryDelay(answered('OVERLOAD_LIMIT', 503), 1)).toBe(2_250)
  })

  it('waits out other server errors from a second, doubling (within a tenth either way)', () => {
    const first = readRetryDelay(answered('SENDING_FAILED', 500), 0)!
    const second = readRetryDelay(answered('INTERNAL_SERVER_ERROR', 500), 1)!
    expect(first).toBeGreaterThanOrEqual(900)
    expect(first).toBeLessThanOrEqual(1_100)
    expect(second).toBeGreaterThanOrEqual(1_800)
    expect(second).toBeLessThanOrEqual(2_200)
  })

  it('honours the portal’s Retry-After, but leaves a long pause to the user', () => {
    expect(readRetryDelay(answered('QUERY_LIMIT_EXCEEDED', 503, { 'retry-after': '3' }), 0)).toBe(3_000)
    expect(readRetryDelay(answered('QUERY_LIMIT_EXCEEDED', 503, { 'retry-after': '60' }), 0)).toBeNull()
  })

  it('does not repeat refusals, a closed portal, or what did not come from the portal', () => {
    expect(readRetryDelay(answered('ACCESS_ERROR', 403), 0)).toBeNull()
    expect(readRetryDelay(answered('OPERATION_TIME_LIMIT', 429), 0)).toBeNull()
    expect(readRetryDelay(answered('PORTAL_DELETED', 500), 0)).toBeNull()
    expect(readRetryDelay(answered('JSSDK_INTERNAL_AJAX_ERROR', 500), 0)).toBeNull()
    expect(readRetryDelay(new Error('boom'), 0)).toBeNull()
  })
})

describe('mayHaveLanded', () => {
  it('a write with no answer or a server error of any code may have been carried out', () => {
    expect(mayHaveLanded(new PortalError('network', 'NETWORK_ERROR', 'lost'))).toBe(true)
    expect(mayHaveLanded(new PortalError('rate-limit', 'OVERLOAD_LIMIT', 'busy', 503))).toBe(true)
    expect(mayHaveLanded(new PortalError('rate-limit', 'QUERY_LIMIT_EXCEEDED', 'busy', 503))).toBe(true)
    expect(mayHaveLanded(new PortalError('unavailable', 'SENDING_FAILED', 'failed', 500))).toBe(true)
    expect(mayHaveLanded(new Error('the answer did not parse'))).toBe(true)
  })

  it('a refusal was not carried out', () => {
    expect(mayHaveLanded(new PortalError('access', 'ACCESS_ERROR', 'no', 403))).toBe(false)
    expect(mayHaveLanded(new PortalError('invalid', 'MESSAGE_EMPTY', 'empty', 400))).toBe(false)
    expect(mayHaveLanded(new PortalError('rate-limit', 'OPERATION_TIME_LIMIT', 'blocked', 429))).toBe(false)
  })
})
