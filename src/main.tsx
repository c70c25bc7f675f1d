// First, so that every component's own styles, loaded after it, build on its tokens and win over its defaults.
import './app/base.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { connectToPortal } from './b24/connect'
import { ensureLanguage } from './i18n/languages'
import { prefetchOpening } from './screens/task-chat/prefetch-opening'
import { phaseMark } from './platform/phase-mark'

// The portal puts LANG in the frame URL; the SDK learns it only after the handshake.
const initialLang = new URLSearchParams(window.location.search).get('LANG') ?? navigator.language

// All at once: the frame handshake, then at once the opening batch, and the user's language.
void connectToPortal().then(
  (session) => {
    phaseMark('tc:handshake')
    prefetchOpening(session)
  },
  () => undefined,
)
void ensureLanguage(initialLang)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialLang={initialLang} />
  </StrictMode>,
)
