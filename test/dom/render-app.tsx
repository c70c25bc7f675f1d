import { act, render } from '@testing-library/react'
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
