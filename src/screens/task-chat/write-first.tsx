import type { RefObject } from 'react'
import { earlyInput } from '../../features/composer/api/early-input'
import { useI18n } from '../../i18n/i18n'

/**
 * An empty chat's way forward: to the message box, where the first message is written; while the
 * composer loads, to the early box that stands in for it (which hands focus over).
 */
export function WriteFirst({ inputRef }: { inputRef: RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useI18n()
  return (
    <button type="button" onClick={() => (inputRef.current ? inputRef.current.focus() : earlyInput.set({ focused: true }))}>
      {t('feed.writeFirst')}
    </button>
  )
}
