import { useI18n } from '../../../i18n/i18n'

/**
 * Unread messages (#12): "New messages" above the first message the reader had not read when the
 * card opened. A labelled separator, so a screen reader moving through the feed hears where the
 * unread part starts; it stays where it is for this visit, as in Bitrix24's messenger.
 */
export function NewMessagesDivider() {
  const { t } = useI18n()
  return (
    <div className="new-messages-divider" role="separator" aria-label={t('unread.divider')}>
      <span aria-hidden="true">{t('unread.divider')}</span>
    </div>
  )
}

/** Its height in the list's size estimate. */
export const DIVIDER_HEIGHT_PX = 32
