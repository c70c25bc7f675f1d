import { useCallback, useState } from 'react'
import { ensureEnglishRest } from '../../i18n/languages'
import { useSettled } from '../../platform/use-settled'
import { FirstFrame } from './first-frame'
import './task-chat.css'

let screen: Promise<typeof import('./task-chat-screen')> | undefined
/** The screen and all it uses (the virtualizer, the composer's outbox, live updates, search, results...): after the first paint. */
const loadScreen = () =>
  (screen ??= Promise.all([import('./task-chat-screen'), ensureEnglishRest()])
    .then(([module]) => module)
    .catch((error: unknown) => {
      // Forgotten, so that Try again loads it afresh.
      screen = undefined
      throw error
    }))
const NOT_YET = new Promise<never>(() => {})

/**
 * The task's chat: its newest messages first (FirstFrame, with only what showing them needs), then
 * the whole screen, loaded once they have painted. A failed load reaches the boot's error boundary
 * (Try again).
 */
export function TaskChat({ taskId }: { taskId: number }) {
  // Held once asked for: a failed load is thrown once, not asked for again on the next render.
  const [loading, setLoading] = useState<ReturnType<typeof loadScreen> | null>(null)
  const loaded = useSettled(loading ?? NOT_YET)
  const want = useCallback(() => setLoading((current) => current ?? loadScreen()), [])
  return loaded ? <loaded.TaskChatScreen taskId={taskId} /> : <FirstFrame taskId={taskId} onShown={want} />
}
