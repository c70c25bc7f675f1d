import { isPortalError } from '../b24/portal-error'
import type { Translator } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'

const KEY_BY_KIND: Record<string, MessageKey> = {
  auth: 'error.auth',
  access: 'error.access',
  scope: 'error.scope',
  'not-found': 'error.notFound',
  'rate-limit': 'error.rateLimit',
  network: 'error.network',
  unavailable: 'error.unavailable',
  'method-missing': 'error.methodMissing',
  invalid: 'error.invalid',
}

/** The sentence, in the user's language, for anything a request can fail with. */
export function errorSentence(error: unknown, { t }: Translator): string {
  if (isPortalError(error)) {
    // 429 OPERATION_TIME_LIMIT (`settings/performance/limits.md`): this method used up its server time for now.
    if (error.code === 'OPERATION_TIME_LIMIT') return t('error.timeLimit')
    const key = KEY_BY_KIND[error.kind]
    if (key) return t(key, { detail: error.message })
    return t('error.unknown', { detail: error.message || error.code })
  }
  return t('error.unknown', { detail: error instanceof Error ? error.message : String(error) })
}
