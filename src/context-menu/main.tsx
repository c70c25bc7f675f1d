import { StrictMode, use } from 'react'
import { createRoot } from 'react-dom/client'
import { connectToPortal } from '../b24/connect'
import { I18nProvider } from '../i18n/i18n'
import { ensureLanguage } from '../i18n/languages'
import { BootShell } from '../app/boot-shell'
import { ContextMenuScreen } from './context-menu-screen'
import '../app/app.css'

function MenuAction() {
  const session = use(connectToPortal())
  use(ensureLanguage(session.lang))
  return (
    <I18nProvider lang={session.lang}>
      <ContextMenuScreen session={session} />
    </I18nProvider>
  )
}

const initialLang = new URLSearchParams(window.location.search).get('LANG') ?? navigator.language
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BootShell initialLang={initialLang}>
      <MenuAction />
    </BootShell>
  </StrictMode>,
)
