import { useI18n } from '../../../i18n/i18n'
import './new-messages-divider.css'

/** The divider's id: the first unread message is described by it. */
export const NEW_MESSAGES_ID = 'new-messages-divider'

/**
 * Unread messages: "New messages" above the first message the reader had not read when the
 * card opened; it stays where it is for this visit, as in Bitrix24's messenger. A feed holds only
 * articles, so the line itself is hidden from assistive technology and the first unread message
 * carries its text as its description: moving through the feed, a screen reader hears where the
 * unread part starts.
 */
export function NewMessagesDivider() {
  const { t } = useI18n()
  return (
    <div className="new-messages-divider" id={NEW_MESSAGES_ID} aria-hidden="true">
      <span>{t('unread.divider')}</span>
    </div>
  )
}

/** Its height in the list's size estimate. */
export const DIVIDER_HEIGHT_PX = 32
