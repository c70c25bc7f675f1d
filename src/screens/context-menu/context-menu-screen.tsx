import { useEffect, useState } from 'react'
import type { PortalSession } from '../../b24/connect'
import { errorSentence } from '../../platform/error-sentence'
import { NoticeScreen } from '../../platform/notice-screen'
import { useI18n } from '../../i18n/i18n'
import { makeResultFromMenu, type MenuOutcome } from './menu-action'

type State = { kind: 'working' } | MenuOutcome | { kind: 'failed'; error: unknown }

/** "Make task result" chosen on a message in the messenger: does it and says what happened. */
export function ContextMenuScreen({ session }: { session: PortalSession }) {
  const i18n = useI18n()
  const { t } = i18n
  const [state, setState] = useState<State>({ kind: 'working' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    makeResultFromMenu(session.client, session.placementOptions).then(
      (outcome) => live && setState(outcome),
      (error: unknown) => live && setState({ kind: 'failed', error }),
    )
    return () => {
      live = false
    }
  }, [session, attempt])

  const title = t('menu.title')
  if (state.kind === 'working')
    return (
      <NoticeScreen title={title}>
        <span role="status">{t('menu.working')}</span>
      </NoticeScreen>
    )
  if (state.kind === 'made')
    return (
      <NoticeScreen title={title}>
        <span role="status">{t('menu.made', { task: state.taskTitle })}</span>
      </NoticeScreen>
    )
  if (state.kind === 'not-task-chat')
    return (
      <NoticeScreen title={title}>
        <span role="alert">{t('menu.notTaskChat')}</span>
      </NoticeScreen>
    )
  if (state.kind === 'bad-placement')
    return (
      <NoticeScreen title={title}>
        <span role="alert">{t('menu.badPlacement')}</span>
      </NoticeScreen>
    )
  return (
    <NoticeScreen
      title={title}
      action={
        <button
          type="button"
          onClick={() => {
            setState({ kind: 'working' })
            setAttempt((n) => n + 1)
          }}
        >
          {t('action.retry')}
        </button>
      }
    >
      <span role="alert">{errorSentence(state.error, i18n)}</span>
    </NoticeScreen>
  )
}
