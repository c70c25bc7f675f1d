import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { PortalSession } from '../../b24/connect'
import { errorSentence } from '../../platform/error-sentence'
import { NoticeScreen } from '../../platform/notice-screen'
import { useI18n } from '../../i18n/i18n'
import { makeResultFromMenu } from './menu-action'

/** "Make task result" chosen on a message in the messenger: does it and says what happened. */
export function ContextMenuScreen({ session }: { session: PortalSession }) {
  const i18n = useI18n()
  const { t } = i18n
  const action = useMutation({ mutationFn: () => makeResultFromMenu(session.client, session.placementOptions) })
  const { mutate } = action
  // The page is opened to do this one thing: it starts as it opens, once (a remount in
  // StrictMode keeps the ref), and again only when the user asks.
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    mutate()
  }, [mutate])

  const title = t('menu.title')
  const outcome = action.data
  if (action.isError)
    return (
      <NoticeScreen
        title={title}
        action={
          <button type="button" onClick={() => mutate()}>
            {t('action.retry')}
          </button>
        }
      >
        <span role="alert">{errorSentence(action.error, i18n)}</span>
      </NoticeScreen>
    )
  if (!outcome)
    return (
      <NoticeScreen title={title}>
        <span role="status">{t('menu.working')}</span>
      </NoticeScreen>
    )
  if (outcome.kind === 'made')
    return (
      <NoticeScreen title={title}>
        <span role="status">{t('menu.made', { task: outcome.taskTitle })}</span>
      </NoticeScreen>
    )
  return (
    <NoticeScreen title={title}>
      <span role="alert">{t(outcome.kind === 'not-task-chat' ? 'menu.notTaskChat' : 'menu.badPlacement')}</span>
    </NoticeScreen>
  )
}
