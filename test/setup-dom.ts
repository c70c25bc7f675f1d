import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { ensureEnglishRest } from '../src/i18n/languages'
import './dom/layout-shim'

// Testing Library unmounts after each test by itself only when test globals are on; ours are off.
afterEach(cleanup)

// The screens and pages under test show only once the rest of English has loaded (task-chat.tsx,
// mount-page.tsx), so their tests start with it. A test that renders a fresh page (vi.resetModules,
// as render-app.tsx) starts with only the first part, as the task card does.
await ensureEnglishRest()
