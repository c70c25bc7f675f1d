import { safeHref } from '../../../chat/bbcode/safe-url'
import type { KeyboardButton, Message } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import './message-keyboard.css'

type Button = Extract<KeyboardButton, { kind: 'button' }>

/** The message in Bitrix24's messenger on the portal, where buttons the app cannot run work. */
function messengerUrl(message: Pick<Message, 'id' | 'chatId'>, origin: string | undefined): string | null {
  if (!origin || message.chatId <= 0 || message.id <= 0) return null
  return safeHref(`/online/?IM_DIALOG=chat${message.chatId}&IM_MESSAGE=${message.id}`, origin)
}

function rows(buttons: readonly KeyboardButton[]): Button[][] {
  const out: Button[][] = [[]]
  for (const button of buttons) {
    if (button.kind === 'newline') out.push([])
    else out.at(-1)!.push(button)
  }
  return out.filter((row) => row.length > 0)
}

function KeyButton({ button, origin, messenger, hintId }: { button: Button; origin: string | undefined; messenger: string | null; hintId: string }) {
  const { t } = useI18n()
  const className = button.display === 'LINE' ? 'keyboard__button keyboard__button--line' : 'keyboard__button'
  // A LINK may be relative to the portal (keyboard.php lets `/...` through).
  const href = button.disabled ? null : button.link ? safeHref(button.link, origin) : messenger
  if (!href)
    return (
      <button type="button" className={className} disabled aria-describedby={button.messengerOnly ? hintId : undefined}>
        {button.text}
      </button>
    )
  if (!button.messengerOnly)
    return (
      <a className={className} href={href} target="_blank" rel="noopener noreferrer">
        {button.text}
      </a>
    )
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer" aria-describedby={hintId} title={t('keyboard.inMessenger')}>
      {button.text}
      <span className="keyboard__hint" aria-hidden="true">
        ↗ {t('keyboard.messengerHint')}
      </span>
    </a>
  )
}

/**
 * A message's KEYBOARD as the messenger lays it out, rows as the portal breaks them. Link buttons
 * open their page in a new tab; what only the messenger can run (commands to a bot, PUT/SEND/COPY/
 * CALL/DIALOG actions, apps) says so and opens the message in the messenger instead.
 */
export function MessageKeyboard({ message, origin, idBase }: { message: Message; origin: string | undefined; idBase: string }) {
  const { t } = useI18n()
  const buttons = message.keyboard ?? []
  if (buttons.length === 0) return null
  const messenger = messengerUrl(message, origin)
  const hintId = `${idBase}-keyboard-hint`
  return (
    <div className="keyboard" role="group" aria-label={t('keyboard.label')}>
      {rows(buttons).map((row, i) => (
        <div key={i} className="keyboard__row">
          {row.map((button, j) => (
            <KeyButton key={j} button={button} origin={origin} messenger={messenger} hintId={hintId} />
          ))}
        </div>
      ))}
      {buttons.some((b) => b.kind === 'button' && b.messengerOnly) && (
        <span id={hintId} className="visually-hidden">
          {t('keyboard.inMessenger')}
        </span>
      )}
    </div>
  )
}
