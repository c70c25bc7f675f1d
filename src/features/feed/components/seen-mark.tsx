import { useI18n } from '../../../i18n/i18n'

/**
 * "Seen" under the reader's own message once another member has read it, as the messenger marks
 * each own message viewed (im.v2 message-status: `viewedByOthers`). Text, so screen readers read it
 * with the message; the double check beside it is decoration.
 */
export function SeenMark() {
  const { t } = useI18n()
  return (
    <p className="message__seen">
      <svg aria-hidden="true" focusable="false" width="14" height="10" viewBox="0 0 14 10">
        <path d="M1 5.5 3.5 8 9 2M6 7.5 6.5 8 12 2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {t('message.seen')}
    </p>
  )
}
