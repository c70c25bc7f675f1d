import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../test/dom/card-per-test'
import { renderApp } from '../../test/dom/render-app'
import type { MessageKey } from '../i18n/en'
import { enFirst } from '../i18n/en-first'

// What the task card shows before its screen has loaded says only what the first part of English
// has (en-first.ts): the rest loads with the screen. Each test is a fresh page (new modules), so
// the rest of English has not loaded, as on a real first opening.

const card = taskCardPerTest()
afterEach(() => vi.restoreAllMocks())

/** A fresh page's modules, and a translator that writes down every key it is asked for. */
async function freshPage() {
  vi.resetModules()
  const { I18nContext, createTranslator } = await import('../i18n/i18n')
  const english = createTranslator('en')
  const asked = new Set<MessageKey>()
  const translator = { locale: english.locale, t: (key: MessageKey, values?: Record<string, string | number>) => (asked.add(key), english.t(key, values)) }
  const Recording = ({ children }: { children: React.ReactNode }) => <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>
  const notInFirstPart = () => [...asked].filter((key) => !(key in enFirst))
  return { Recording, asked, notInFirstPart }
}

/** The first frame as main.tsx starts it, until it has painted and asked for the screen. */
async function showFirstFrame(taskId: number) {
  const page = await freshPage()
  const { connectToPortal } = await import('../b24/connect')
  const { PortalClientContext } = await import('../platform/portal-context')
  const { prefetchOpening } = await import('../screens/task-chat/prefetch-opening')
  const { FirstFrame } = await import('../screens/task-chat/first-frame')
  const session = await connectToPortal()
  prefetchOpening(session)
  const onShown = vi.fn()
  render(
    <page.Recording>
      <PortalClientContext.Provider value={session.client}>
        <FirstFrame taskId={taskId} onShown={onShown} />
      </PortalClientContext.Provider>
    </page.Recording>,
  )
  await waitFor(() => expect(onShown).toHaveBeenCalled(), { timeout: 20_000 })
  return page
}

describe('what shows before the screen has loaded', () => {
  it.each([
    ['the newest messages', { taskId: 1 }],
    ['"New messages" above what the reader has not read', { taskId: 1, userId: 2 }],
    ['a chat of system messages', { taskId: 5 }],
    ['an empty chat', { taskId: 6 }],
    ['a task without a chat', { taskId: 2 }],
    ['a task the reader may not open', { taskId: 3 }],
  ])('the first frame of %s asks only for the first part of English', async (_, request) => {
    await card.open(request)
    const { asked, notInFirstPart } = await showFirstFrame(request.taskId)
    expect(asked.size).toBeGreaterThan(0)
    expect(notInFirstPart()).toEqual([])
  })

  it('connecting, and every way connecting can fail, ask only for the first part', async () => {
    const { Recording, asked, notInFirstPart } = await freshPage()
    const { Connecting } = await import('./boot-shell')
    const { BootFailure } = await import('./boot-failure')
    const { PortalError } = await import('../b24/portal-error')
    const errors = [
      ...(
        [
          'not-in-frame',
          'frame-timeout',
          'auth',
          'access',
          'scope',
          'not-found',
          'rate-limit',
          'network',
          'unavailable',
          'method-missing',
          'invalid',
          'unknown',
        ] as const
      ).map((kind) => new PortalError(kind, 'CODE', 'detail')),
      new PortalError('rate-limit', 'OPERATION_TIME_LIMIT', 'detail'),
      new Error('anything else'),
    ]
    render(
      <Recording>
        <Connecting />
        {errors.map((error, i) => (
          <BootFailure key={i} error={error} onRetry={() => {}} />
        ))}
      </Recording>,
    )
    expect(asked).toContain('boot.connecting')
    expect(asked).toContain('boot.timeout.title')
    expect(notInFirstPart()).toEqual([])
  })

  it.each([
    ['a card that names no task', { rawOptions: '' }, 'This card did not say which task it shows'],
    ['a page outside a frame', null, 'Open this app from a Bitrix24 task card'],
  ])('the notice for %s reads in full without the rest of English', async (_, request, heading) => {
    if (request) await card.open(request)
    else window.name = ''
    const warn = vi.spyOn(console, 'warn')
    await renderApp()
    expect(await screen.findByRole('heading', { name: heading }, { timeout: 20_000 })).toBeVisible()
    expect(warn.mock.calls.filter(([message]) => String(message).includes('rest of English'))).toEqual([])
  })
})
