import { afterEach, beforeEach } from 'vitest'
import { openTaskCard, type FramedApp } from './frame-harness'

/**
 * One in-process task card a test, for component tests of the whole app: storage is cleared before
 * each test (drafts and the outbox live there) and the card's portal is closed after it. Call at the
 * top of a test file; `open` in a test opens the card (closing one already open), `app` is it.
 */
export function taskCardPerTest() {
  let open: FramedApp | undefined
  beforeEach(() => {
    sessionStorage.clear()
    localStorage.clear()
  })
  afterEach(async () => {
    await open?.close()
    open = undefined
  })
  return {
    async open(...args: Parameters<typeof openTaskCard>): Promise<FramedApp> {
      await open?.close()
      open = await openTaskCard(...args)
      return open
    },
    get app(): FramedApp {
      if (!open) throw new Error('No task card is open: call open() first')
      return open
    },
  }
}
