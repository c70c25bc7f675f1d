import { act, render, screen, waitFor } from '@testing-library/react'
import { vi } from 'vitest'

/**
 * Renders the whole app as a fresh page would: new modules (the SDK and our connection keep one
 * frame per page), a QueryClient without query retries, inside an awaited act because the app
 * suspends on the frame handshake.
 */
export async function renderApp(lang = 'en') {
  vi.resetModules()
  const { App } = await import('../../src/app/app')
  const { createQueryClient } = await import('../../src/platform/query-client')
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } })
  await act(async () => {
    render(<App initialLang={lang} queryClient={queryClient} />)
  })
}

/**
 * The composer's message box once the composer itself has loaded, not the early box that stands in
 * for it until then (early-composer.tsx): that one is replaced as the composer comes, so a test
 * holding it would type into a box that is gone. "Attach file" is the composer's own.
 */
export async function findComposer(timeout = 20_000) {
  return waitFor(
    () => {
      screen.getByRole('button', { name: 'Attach file' })
      return screen.getByRole('textbox', { name: 'Message' })
    },
    { timeout },
  )
}
