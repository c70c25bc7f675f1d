import { initializeB24Frame, type B24Frame } from '@bitrix24/b24jssdk'
import { createPortalClient, type PortalClient } from './portal-client'
import { PortalError } from './portal-error'
import { toPortalError } from './to-portal-error'

/** What the app learns from the portal page when it starts. */
export interface PortalSession {
  client: PortalClient
  /** The portal's LANG (e.g. 'en', 'ru'). */
  lang: string
  placement: string
  /** Raw placement options: an object on most portals, '' on some; parsed by the caller. */
  placementOptions: unknown
  isAdmin: boolean
  /** Opened as the install page on first run: finishInstall() is expected. */
  isInstallMode: boolean
  /** Opened in a slider (IFRAME=Y): the app fills it instead of asking for a height. */
  isSliderMode: boolean
  /** Tells the portal the installation is complete (the portal then reloads its page). */
  finishInstall(): Promise<void>
  /** Asks the portal to give the frame this height (px); full width. */
  setFrameHeight(height: number): Promise<void>
}

/**
 * The SDK sends every call once. Its own retries (maxRetries 3) repeat a 503 of any code and other
 * 5xx, for writes too: a message or a result whose answer was lost would be posted again behind the
 * user's back. Reads are sent again by the client instead (portal-client.ts, read-retry.ts);
 * writes never are. The other two settings say the same for the SDK's older paths: no retry after a
 * network failure, and none after a cancelled upload (axios ERR_CANCELED) or a bad response.
 */
export const RESTRICTION_PARAMS = { maxRetries: 1, retryOnNetworkError: false, hardErrorCodes: ['ERR_BAD_RESPONSE', 'ERR_CANCELED'] }

/** The parent page gets this long to answer the handshake before we say it did not. */
const HANDSHAKE_TIMEOUT_MS = 15_000

let session: Promise<PortalSession> | undefined

/**
 * Initialises the frame once per page. The SDK caches the frame itself and a destroyed frame
 * cannot be revived, so this is never torn down from React effects (StrictMode would remount
 * into a dead frame); a failed attempt is forgotten so that "Try again" starts fresh.
 */
export function connectToPortal(): Promise<PortalSession> {
  session ??= open().catch((error: unknown) => {
    session = undefined
    throw toPortalError(error)
  })
  return session
}

async function open(): Promise<PortalSession> {
  const b24 = await withTimeout(
    initializeB24Frame({
      restrictionParams: RESTRICTION_PARAMS,
    }),
  )
  return {
    client: createPortalClient(b24),
    lang: b24.getLang(),
    placement: b24.placement.placement,
    placementOptions: b24.placement.options as unknown,
    isAdmin: b24.auth.isAdmin,
    isInstallMode: b24.isInstallMode,
    isSliderMode: b24.placement.isSliderMode,
    async finishInstall() {
      try {
        await b24.installFinish()
      } catch (error) {
        throw toPortalError(error)
      }
    },
    async setFrameHeight(height) {
      // The SDK sends only positive numbers; the frame's own width keeps it as wide as it is.
      await b24.parent.resizeWindow(Math.max(1, window.innerWidth), height)
    },
  }
}

// getInitData has no timeout in the SDK: a page that frames us but never answers would
// otherwise leave a blank app forever.
function withTimeout(handshake: Promise<B24Frame>): Promise<B24Frame> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new PortalError('frame-timeout', 'FRAME_TIMEOUT', 'The portal page did not answer the handshake')),
      HANDSHAKE_TIMEOUT_MS,
    )
    handshake.then(
      (b24) => {
        clearTimeout(timer)
        resolve(b24)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
