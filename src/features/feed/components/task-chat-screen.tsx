import { useQuery } from '@tanstack/react-query'
import { usePortalClient } from '../../../app/portal-context'
import { errorSentence } from '../../../app/error-sentence'
import { useI18n } from '../../../i18n/i18n'
import { feedQueries } from '../api/feed-queries'
import { MessageFeed } from './message-feed'

/** The task's chat: the feed, with its loading, empty, no-chat and error states. */
export function TaskChatScreen({ taskId }: { taskId: number }) {
  const client = usePortalClient()
  const i18n = useI18n()
  const { t } = i18n
  const opening = useQuery(feedQueries.opening(client, taskId))

  if (opening.isPending) {
    return (
      <MessageFeed label={t('feed.label')} busy messages={[]} authors={[]} files={[]}>
        <p className="feed-note">{t('feed.loading')}</p>
      </MessageFeed>
    )
  }
  if (opening.isError) {
    return (
      <div className="feed-error" role="alert">
        <p>{errorSentence(opening.error, i18n)}</p>
        <button type="button" onClick={() => void opening.refetch()}>
          {t('action.retry')}
        </button>
      </div>
    )
  }
  const { page } = opening.data
  const note = page === null ? t('feed.noChat') : page.messages.length === 0 ? t('feed.empty') : null
  return (
    <MessageFeed
      label={t('feed.label')}
      busy={opening.isFetching}
      messages={page?.messages ?? []}
      authors={page?.authors ?? []}
      files={page?.files ?? []}
      portalOrigin={client.origin}
    >
      {note && <p className="feed-note">{note}</p>}
    </MessageFeed>
  )
}
