import { useEffect } from 'react'

/** A failed page is asked for again after this pause, unless the reader does it first. */
const AUTO_RETRY_MS = 5_000

/** Tries a failed page load again by itself once, after a pause (its row keeps a Retry button meanwhile). */
export function useAutoRetry(failed: boolean, retry: () => void): void {
  useEffect(() => {
    if (!failed) return
    const timer = setTimeout(retry, AUTO_RETRY_MS)
    return () => clearTimeout(timer)
  }, [failed, retry])
}
