/**
 * Bitrix24 drains each portal's request bucket at 2 per second (50 may burst). Paging back through
 * history is the one thing a reader can make fast and long, so those requests are spaced out here:
 * a fling through thousands of messages never drains the bucket that sending and results also use.
 */
export function createPacer(minGapMs: number) {
  let nextSlot = 0
  return async function paced<T>(run: () => Promise<T>): Promise<T> {
    const now = Date.now()
    const start = Math.max(now, nextSlot)
    nextSlot = start + minGapMs
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now))
    return run()
  }
}

/**
 * The app's background requests (history pages and live polls) share one pacer: together they
 * never exceed 2 per second. What the user does (send, make a result) is not delayed by it.
 */
export const backgroundPacer = createPacer(550)
