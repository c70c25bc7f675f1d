import type { PortalClient } from '../../../b24/portal-client'

/** Where the outbox keeps itself between page loads. */
export interface Persistence {
  load(key: string): string | null
  save(key: string, value: string | null): void
}

function localStorageWorks(): boolean {
  try {
    const probe = '__task-chat-probe__'
    localStorage.setItem(probe, '1')
    localStorage.removeItem(probe)
    return true
  } catch {
    return false
  }
}

/** localStorage is per browser, not per portal: the portal's origin goes into the key. */
function local(origin: string): Persistence {
  const full = (key: string) => `task-chat:${origin}:${key}`
  return {
    load: (key) => localStorage.getItem(full(key)),
    save: (key, value) => (value === null ? localStorage.removeItem(full(key)) : localStorage.setItem(full(key), value)),
  }
}

/**
 * The browser's localStorage when the app may use it; otherwise (a third-party frame whose
 * storage the browser blocks, which is common for apps framed by a portal on another site) the
 * portal's per-user app options, which come back with the next opening of the app.
 */
export function createPersistence(client: PortalClient): Persistence {
  if (localStorageWorks()) return local(client.origin)
  return {
    load(key) {
      const value = client.userOption(key)
      return typeof value === 'string' && value !== '-' ? value : null
    },
    save(key, value) {
      // The SDK treats falsy options as unset, so "nothing" is stored as '-'.
      client.setUserOption(key, value ?? '-').catch((error: unknown) => console.warn('Could not save the draft', error))
    },
  }
}
