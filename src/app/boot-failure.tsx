import { isPortalError } from '../b24/portal-error'
import { useI18n } from '../i18n/i18n'
import { errorSentence } from '../platform/error-sentence'
import { NoticeScreen } from '../platform/notice-screen'

/** What to show when connecting to the portal failed, by cause. */
export function BootFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const i18n = useI18n()
  const { t } = i18n
  if (isPortalError(error) && error.kind === 'not-in-frame') {
    return <NoticeScreen title={t('boot.notInFrame.title')}>{t('boot.notInFrame.body')}</NoticeScreen>
  }
  const retry = (
    <button type="button" onClick={onRetry}>
      {t('action.retry')}
    </button>
  )
  if (isPortalError(error) && error.kind === 'frame-timeout') {
    return (
      <NoticeScreen title={t('boot.timeout.title')} action={retry}>
        {t('boot.timeout.body')}
      </NoticeScreen>
    )
  }
  return (
    <NoticeScreen title={t('boot.failed.title')} action={retry}>
      {errorSentence(error, i18n)}
    </NoticeScreen>
  )
}
