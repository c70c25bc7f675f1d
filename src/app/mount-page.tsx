// First, so that every component's own styles, loaded after it, build on its tokens and win over its defaults.
import './base.css'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, useState, type ComponentType } from 'react'
import { createRoot } from 'react-dom/client'
import type { PortalSession } from '../b24/connect'
import { I18nProvider } from '../i18n/i18n'
import { ensureEnglishRest } from '../i18n/languages'
import { BootShell, Connecting } from './boot-shell'
import { createQueryClient } from '../platform/query-client'
import { sessionReady } from './session-ready'
import { useSettled } from '../platform/use-settled'

/**
 * Mounts one of the app's small pages (install, messenger menu): the frame handshake, the portal's
 * language, then the page with the session. The task chat itself has its own entry (main.tsx).
 */
export function mountPage(Page: ComponentType<{ session: PortalSession }>) {
  // What the page writes is held as TanStack mutations, as in the task chat.
  const queryClient = createQueryClient()
  function Connected() {
    // These pages say more than the first part of English: the rest of it too before they show.
    const [ready] = useState(() => Promise.all([sessionReady(), ensureEnglishRest()]).then(([session]) => session))
    const session = useSettled(ready)
    if (!session) return <Connecting />
    return (
      <I18nProvider lang={session.lang}>
        <QueryClientProvider client={queryClient}>
          <Page session={session} />
        </QueryClientProvider>
      </I18nProvider>
    )
  }
  const initialLang = new URLSearchParams(window.location.search).get('LANG') ?? navigator.language
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BootShell initialLang={initialLang}>
        <Connected />
      </BootShell>
    </StrictMode>,
  )
}
