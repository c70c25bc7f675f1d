import { StrictMode, use } from 'react'
import { createRoot } from 'react-dom/client'
import { connectToPortal } from '../b24/connect'
import { I18nProvider } from '../i18n/i18n'
import { ensureLanguage } from '../i18n/languages'
import { BootShell } from '../app/boot-shell'
import { InstallScreen } from './install-screen'
import '../app/app.css'

function Installer() {
  const session = use(connectToPortal())
  use(ensureLanguage(session.lang))
  return (
    <I18nProvider lang={session.lang}>
      <InstallScreen session={session} />
    </I18nProvider>
  )
}

const initialLang = new URLSearchParams(window.location.search).get('LANG') ?? navigator.language
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BootShell initialLang={initialLang}>
      <Installer />
    </BootShell>
  </StrictMode>,
)
