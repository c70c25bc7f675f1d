import { StrictMode, use, type ComponentType } from 'react'
import { createRoot } from 'react-dom/client'
import { connectToPortal, type PortalSession } from '../b24/connect'
import { I18nProvider } from '../i18n/i18n'
import { ensureLanguage } from '../i18n/languages'
import { BootShell } from './boot-shell'
import './app.css'

/**
 * Mounts one of the app's small pages (install, messenger menu): the frame handshake, the portal's
 * language, then the page with the session. The task chat itself has its own entry (main.tsx).
 */
export function mountPage(Page: ComponentType<{ session: PortalSession }>) {
  function Connected() {
    const session = use(connectToPortal())
    use(ensureLanguage(session.lang))
    return (
      <I18nProvider lang={session.lang}>
        <Page session={session} />
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
