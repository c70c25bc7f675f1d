import type { RefObject } from 'react'
import { useI18n } from '../../i18n/i18n'

/** An empty chat's way forward: to the message box, where the first message is written. */
export function WriteFirst({ inputRef }: { inputRef: RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useI18n()
  return (
    <button type="button" onClick={() => inputRef.current?.focus()}>
      {t('feed.writeFirst')}
    </button>
  )
}
