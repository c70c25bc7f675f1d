/**
 * Bitrix24's request limiter (settings/performance/limits.md): leaky buckets by key, the request's
 * source address by default (dispatch.ts picks the key). Each request adds one; the bucket drains
 * 2 per second; a request that would push it past 50 is refused with 503 QUERY_LIMIT_EXCEEDED and
 * adds nothing.
 */
export class LeakyBuckets {
  private readonly buckets = new Map<string, { level: number; at: number }>()

  /** true when the request may pass. */
  take(key: string, capacity = 50, drainPerSecond = 2, nowMs = Date.now()): boolean {
    const bucket = this.buckets.get(key) ?? { level: 0, at: nowMs }
    bucket.level = Math.max(0, bucket.level - ((nowMs - bucket.at) / 1000) * drainPerSecond)
    bucket.at = nowMs
    this.buckets.set(key, bucket)
    if (bucket.level + 1 > capacity) return false
    bucket.level += 1
    return true
  }

  clear(): void {
    this.buckets.clear()
  }
}
