import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Suspense, use, useState } from 'react'
import { connectToPortal } from '../b24/connect'
import { readPlacementTask } from '../b24/placement'
import { I18nProvider, useI18n } from '../i18n/i18n'
import { TaskChatScreen } from '../features/task-chat/task-chat-screen'
import { BootFailure } from './boot-failure'
import { ErrorBoundary } from './error-boundary'
import { NoticeScreen } from './notice-screen'
import { PortalClientContext } from './portal-context'
import { createQueryClient } from './query-client'

/**
 * The whole app: connect to the portal (once per page), find the task, then show its chat.
 * `initialLang` comes from the frame URL's LANG, so even "not in a frame" speaks the user's language.
 */
export function App({ initialLang, queryClient }: { initialLang: string | null; queryClient?: QueryClient }) {
  const [attempt, setAttempt] = useState(0)
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <I18nProvider lang={initialLang}>
      <ErrorBoundary key={attempt} fallback={(error) => <BootFailure error={error} onRetry={() => setAttempt((n) => n + 1)} />}>
        <Suspense fallback={<Connecting />}>
          <QueryClientProvider client={client}>
            <Connected />
          </QueryClientProvider>
        </Suspense>
      </ErrorBoundary>
    </I18nProvider>
  )
}

function Connecting() {
  const { t } = useI18n()
  return (
    <p className="connecting" role="status">
      {t('boot.connecting')}
    </p>
  )
}

function Connected() {
  const session = use(connectToPortal())
  const placement = readPlacementTask(session.placementOptions)
  return (
    <I18nProvider lang={session.lang}>
      <PortalClientContext.Provider value={session.client}>
        {placement.ok ? <TaskChatScreen taskId={placement.taskId} /> : <NoTask />}
      </PortalClientContext.Provider>
    </I18nProvider>
  )
}

function NoTask() {
  const { t } = useI18n()
  return <NoticeScreen title={t('boot.noTask.title')}>{t('boot.noTask.body')}</NoticeScreen>
}
