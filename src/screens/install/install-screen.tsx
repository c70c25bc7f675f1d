import { useState } from 'react'
import type { PortalSession } from '../../b24/connect'
import { isPortalError } from '../../b24/portal-error'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/en'
import { runStep, stepsFor, type InstallChoices, type StepId } from './install-steps'

type StepState = 'waiting' | 'working' | 'done' | 'failed'

const STEP_LABEL: Record<StepId, MessageKey> = {
  tab: 'install.step.tab',
  contextMenu: 'install.step.contextMenu',
  bot: 'install.step.bot',
  finish: 'install.step.finish',
}

function failureKey(error: unknown): MessageKey {
  if (!isPortalError(error)) return 'install.error.unknown'
  if (error.kind === 'access' || error.code === 'ACCESS_DENIED') return 'install.error.notAdmin'
  if (error.kind === 'scope') return 'install.error.scope'
  if (error.kind === 'method-missing') return 'install.error.methodMissing'
  return 'install.error.unknown'
}

/** The page an admin sees on first run: what will be set up, progress, and any failure in plain words. */
export function InstallScreen({ session }: { session: PortalSession }) {
  const { t } = useI18n()
  const [choices, setChoices] = useState<InstallChoices>({ contextMenu: true, bot: false })
  const [progress, setProgress] = useState<Partial<Record<StepId, StepState>>>({})
  const [failure, setFailure] = useState<MessageKey | null>(null)
  const [running, setRunning] = useState(false)
  const finished = progress.finish === 'done'

  if (!session.isAdmin) {
    return (
      <main className="install">
        <h1>{t('install.title')}</h1>
        <p role="alert">{t('install.error.notAdmin')}</p>
      </main>
    )
  }

  async function install() {
    setRunning(true)
    setFailure(null)
    for (const step of stepsFor(choices)) {
      setProgress((p) => ({ ...p, [step]: 'working' }))
      try {
        if (step === 'finish') {
          // Only the first-run install page may finish; a later re-run has nothing to finish.
          if (session.isInstallMode) await session.finishInstall()
        } else {
          await runStep(session.client, step, session.lang)
        }
        setProgress((p) => ({ ...p, [step]: 'done' }))
      } catch (error) {
        setProgress((p) => ({ ...p, [step]: 'failed' }))
        setFailure(failureKey(error))
        setRunning(false)
        return
      }
    }
    setRunning(false)
  }

  const steps = stepsFor(choices)
  return (
    <main className="install">
      <h1>{t('install.title')}</h1>
      <p>{t('install.intro')}</p>
      <fieldset disabled={running || finished}>
        <label>
          <input type="checkbox" checked={choices.contextMenu} onChange={(e) => setChoices({ ...choices, contextMenu: e.target.checked })} />
          {t('install.choice.contextMenu')}
        </label>
        <label>
          <input type="checkbox" checked={choices.bot} onChange={(e) => setChoices({ ...choices, bot: e.target.checked })} />
          {t('install.choice.bot')}
        </label>
      </fieldset>
      <ol className="install__steps" aria-label={t('install.progress')}>
        {steps.map((step) => (
          <li key={step} className={`install__step install__step--${progress[step] ?? 'waiting'}`}>
            {t(STEP_LABEL[step])}
            {progress[step] && progress[step] !== 'waiting' && <span className="install__state"> {t(`install.state.${progress[step]}`)}</span>}
          </li>
        ))}
      </ol>
      {failure && <p role="alert">{t(failure)}</p>}
      {finished ? (
        <p role="status">{t('install.done')}</p>
      ) : (
        <button type="button" className="install__go" onClick={() => void install()} disabled={running}>
          {failure ? t('action.retry') : t('install.go')}
        </button>
      )}
    </main>
  )
}
