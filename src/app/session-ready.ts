import { connectToPortal, type PortalSession } from '../b24/connect'
import { ensureLanguage } from '../i18n/languages'

const ready = new WeakMap<Promise<PortalSession>, Promise<PortalSession>>()

/**
 * The portal session once the portal's language has its catalogue too: what a page renders with.
 * One promise per connection attempt (a failed one is forgotten by connectToPortal, so "Try again"
 * gets a new one), so that rendering again waits on the same promise.
 */
export function sessionReady(): Promise<PortalSession> {
  const connecting = connectToPortal()
  let promise = ready.get(connecting)
  if (!promise) {
    promise = connecting.then(async (session) => {
      await ensureLanguage(session.lang)
      return session
    })
    ready.set(connecting, promise)
  }
  return promise
}
