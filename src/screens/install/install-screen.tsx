import { useMutation, useMutationState } from '@tanstack/react-query'
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

const STEP_KEY = ['install-step'] as const

const SHOWN: Record<'idle' | 'pending' | 'success' | 'error', StepState> = { idle: 'waiting', pending: 'working', success: 'done', error: 'failed' }

/** Each step's state, from its latest attempt (a retry runs the steps again from the first). */
function useStepProgress(): Partial<Record<StepId, StepState>> {
  const attempts = useMutationState({
    filters: { mutationKey: STEP_KEY },
    select: (m) => ({ step: m.state.variables as StepId, status: m.state.status }),
  })
  const progress: Partial<Record<StepId, StepState>> = {}
  for (const a of attempts) progress[a.step] = SHOWN[a.status]
  return progress
}

/** The page an admin sees on first run: what will be set up, progress, and any failure in plain words. */
export function InstallScreen({ session }: { session: PortalSession }) {
  const { t } = useI18n()
  const [choices, setChoices] = useState<InstallChoices>({ contextMenu: true, bot: false })
  const step = useMutation({
    mutationKey: STEP_KEY,
    // Kept for the page's life: a step done stays "done" however long the admin looks.
    gcTime: Infinity,
    mutationFn: async (id: StepId) => {
      if (id !== 'finish') return runStep(session.client, id, session.lang)
      // Only the first-run install page may finish; a later re-run has nothing to finish.
      if (session.isInstallMode) await session.finishInstall()
    },
  })
  // The steps in order; the first failure stops the rest (its reason is shown, with Retry).
  const install = useMutation({
    mutationFn: async (steps: StepId[]) => {
      for (const id of steps) await step.mutateAsync(id)
    },
  })
  const progress = useStepProgress()
  const running = install.isPending
  const failure = install.isError ? failureKey(install.error) : null
  const finished = progress.finish === 'done'

  if (!session.isAdmin) {
    return (
      <main className="install">
        <h1>{t('install.title')}</h1>
        <p role="alert">{t('install.error.notAdmin')}</p>
      </main>
    )
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
        <button type="button" className="install__go" onClick={() => install.mutate(steps)} disabled={running}>
          {failure ? t('action.retry') : t('install.go')}
        </button>
      )}
    </main>
  )
}
