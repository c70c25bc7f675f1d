import type { QueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { ensureEnglishRest } from '../../i18n/languages'
import { usePortalClient } from '../../platform/portal-context'
import { QueryCacheHolderContext } from '../../platform/query-cache-holder'
import { useSettled } from '../../platform/use-settled'
import { FirstFrame } from './first-frame'
import './task-chat.css'

type ScreenModule = typeof import('./screen-with-cache')

let screen: Promise<ScreenModule> | undefined
/** The screen and all it uses (TanStack Query, the virtualizer, the composer's outbox, live updates, search, results...): after the first paint. */
const loadScreen = () =>
  (screen ??= Promise.all([import('./screen-with-cache'), ensureEnglishRest()])
    .then(([module]) => module)
    .catch((error: unknown) => {
      // Forgotten, so that Try again loads it afresh.
      screen = undefined
      throw error
    }))
const NOT_YET = new Promise<never>(() => {})

interface Loaded {
  Screen: ScreenModule['ScreenWithCache']
  queryClient: QueryClient
}

/**
 * The task's chat: its newest messages first (FirstFrame, with only what showing them needs), then
 * the whole screen, loaded once they have painted, with the page's cache holding what the first
 * frame showed. A failed load reaches the boot's error boundary (Try again).
 */
export function TaskChat({ taskId }: { taskId: number }) {
  const holder = QueryCacheHolderContext.use()
  const client = usePortalClient()
  // Held once asked for: a failed load is thrown once, not asked for again on the next render.
  const [loading, setLoading] = useState<Promise<Loaded> | null>(null)
  const loaded = useSettled(loading ?? NOT_YET)
  const want = useCallback(
    () =>
      setLoading(
        (current) => current ?? loadScreen().then(async (m) => ({ Screen: m.ScreenWithCache, queryClient: await m.prepareScreen(holder, client, taskId) })),
      ),
    [holder, client, taskId],
  )
  return loaded ? <loaded.Screen queryClient={loaded.queryClient} taskId={taskId} /> : <FirstFrame taskId={taskId} onShown={want} />
}
