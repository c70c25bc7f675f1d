import { Suspense, useState, type ReactNode } from 'react'
import { I18nProvider, useI18n } from '../i18n/i18n'
import { BootFailure } from './boot-failure'
import { ErrorBoundary } from './error-boundary'

/**
 * What every page of the app (feed, install, context menu) starts with: "Connecting…" while the
 * frame handshake runs (the children show it themselves, see useSettled; the boundary is there for
 * anything else that suspends), and the right screen with Try again when it fails. `initialLang` comes from the frame URL's LANG, so even "not in a frame" speaks the user's language.
 */
export function BootShell({ initialLang, children }: { initialLang: string | null; children: ReactNode }) {
  const [attempt, setAttempt] = useState(0)
  return (
    <I18nProvider lang={initialLang}>
      <ErrorBoundary key={attempt} fallback={(error) => <BootFailure error={error} onRetry={() => setAttempt((n) => n + 1)} />}>
        <Suspense fallback={<Connecting />}>{children}</Suspense>
      </ErrorBoundary>
    </I18nProvider>
  )
}

export function Connecting() {
  const { t } = useI18n()
  return (
    <p className="connecting" role="status">
      {t('boot.connecting')}
    </p>
  )
}
