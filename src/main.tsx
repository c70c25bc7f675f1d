import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { connectToPortal } from './b24/connect'
import { ensureLanguage } from './i18n/languages'
import './app/app.css'

// The portal puts LANG in the frame URL; the SDK learns it only after the handshake.
const initialLang = new URLSearchParams(window.location.search).get('LANG') ?? navigator.language

// Both start at once: the frame handshake and the user's language.
void connectToPortal().catch(() => undefined)
void ensureLanguage(initialLang)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialLang={initialLang} />
  </StrictMode>,
)
