import { createContext, useContext } from 'react'
import type { PortalClient } from '../b24/portal-client'

export const PortalClientContext = createContext<PortalClient | null>(null)

/** The portal client for feature hooks; provided once the frame has connected. */
export function usePortalClient(): PortalClient {
  const client = useContext(PortalClientContext)
  if (!client) throw new Error('usePortalClient() outside <PortalClientContext.Provider>')
  return client
}
