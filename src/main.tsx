import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import './app/app.css'

// The portal puts LANG in the frame URL; the SDK learns it only after the handshake.
const initialLang = new URLSearchParams(window.location.search).get('LANG') ?? navigator.language

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialLang={initialLang} />
  </StrictMode>,
)
