import type { Message, PendingState, ResultBadge } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import { ActionButton } from './action-icon'
import type { MessageChangeView } from './feed-actions'
import { useFeedActions } from './feed-actions'
import { ChangeButtons, ChangeError } from './message-change-controls'
import { MessageStatus } from './message-status'
import { ResultButton, ResultError } from './result-controls'

/** The message's action bar (Reply, Make result, Like, Edit, Delete): inside its own box, shown on hover or focus. */
export function MessageActions(props: { message: Message; result: ResultBadge | null; change: MessageChangeView; likesId: string | undefined }) {
  const { message, result, change, likesId } = props
  const { t } = useI18n()
  const actions = useFeedActions()
  return (
    <div className="message__actions">
      <ActionButton icon="reply" label={t('message.reply')} onClick={() => actions.reply(message)} />
      {result && <ResultButton id={message.id} view={result} />}
      <ChangeButtons message={message} view={change} likesId={likesId} />
    </div>
  )
}

/** What is said under a message about what the reader did to it: a refused result or change, a send on its way or failed. */
export function MessageNotes({ result, change, pending }: { result: ResultBadge | null; change: MessageChangeView; pending: PendingState | undefined }) {
  return (
    <>
      {result && <ResultError view={result} />}
      {change.error && <ChangeError sentence={change.error} />}
      {pending && <MessageStatus pending={pending} />}
    </>
  )
}
