import { useState } from 'react'
import { usePortalClient } from '../../../platform/portal-context'

const OPTION = 'feed.showSystem'

/**
 * "Show system messages", remembered per user on the portal (BX24 user options), so it follows
 * the user to every task card and device. Stored as 'Y'/'N': the SDK reads falsy options as unset.
 */
export function useShowSystemPreference(): [boolean, (next: boolean) => void] {
  const client = usePortalClient()
  const [show, setShow] = useState(() => client.userOption(OPTION) !== 'N')
  const update = (next: boolean) => {
    setShow(next)
    client.setUserOption(OPTION, next ? 'Y' : 'N').catch((error: unknown) => {
      // Not saving the choice is not worth interrupting the reader; it applies for this visit.
      console.warn('Could not save the system-message preference', error)
    })
  }
  return [show, update]
}
