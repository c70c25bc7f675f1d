import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { PortalSession } from '../b24/connect'
import { readPlacementTask } from '../b24/placement'
import { I18nProvider, useI18n } from '../i18n/i18n'
import { TaskChat } from '../screens/task-chat/task-chat'
import { BootShell, Connecting } from './boot-shell'
import { NoticeScreen } from '../platform/notice-screen'
import { PortalClientContext } from '../platform/portal-context'
import { QueryCacheHolderContext } from '../platform/query-cache-holder'
import { sessionReady } from './session-ready'
import { useSettled } from '../platform/use-settled'

/** The frame's height in a task card: the feed scrolls inside it. */
const FRAME_HEIGHT = 680

/**
 * The task chat app: connect to the portal (once per page), find the task, then show its chat. The
 * query cache is made by the screen as it loads (query-cache-holder.ts), unless one is given.
 */
export function App({ initialLang, queryClient }: { initialLang: string | null; queryClient?: QueryClient }) {
  const [cache] = useState(() => ({ client: queryClient }))
  return (
    <BootShell initialLang={initialLang}>
      <QueryCacheHolderContext.Provider value={cache}>
        <Connected />
      </QueryCacheHolderContext.Provider>
    </BootShell>
  )
}

function Connected() {
  // Held for the boundary's lifetime: a failed connection is forgotten, and asking again on every
  // render would start another. Try again remounts the boundary.
  const [ready] = useState(sessionReady)
  const session = useSettled(ready)
  return session ? <Session session={session} /> : <Connecting />
}

function Session({ session }: { session: PortalSession }) {
  const placement = readPlacementTask(session.placementOptions)
  useEffect(() => {
    // In a slider the app fills it; in the card it asks for a comfortable fixed height.
    if (!session.isSliderMode) void session.setFrameHeight(FRAME_HEIGHT)
  }, [session])
  return (
    <I18nProvider lang={session.lang}>
      <PortalClientContext.Provider value={session.client}>
        {placement.ok ? <TaskChatPage taskId={placement.taskId} /> : <NoTask />}
      </PortalClientContext.Provider>
    </I18nProvider>
  )
}

/**
 * The chat is the page's main content, under a heading screen readers can jump to (the task card
 * around the frame shows the title, so it is visually hidden): axe's landmark and heading rules.
 */
function TaskChatPage({ taskId }: { taskId: number }) {
  const { t } = useI18n()
  return (
    <main className="task-chat-page">
      <h1 className="visually-hidden">{t('feed.label')}</h1>
      <TaskChat taskId={taskId} />
    </main>
  )
}

function NoTask() {
  const { t } = useI18n()
  return <NoticeScreen title={t('boot.noTask.title')}>{t('boot.noTask.body')}</NoticeScreen>
}
