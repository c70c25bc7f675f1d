import { usePortalClient } from '../../platform/portal-context'
import { safeHref } from '../../chat/bbcode/safe-url'
import { FeedState } from '../../features/feed/components/feed-states'
import { useI18n } from '../../i18n/i18n'

/**
 * A portal before task chats keeps a task's discussion in its comments, which this app cannot show:
 * say so and link to the task page (the portal's task URL, as tasks-task-get-rest-v3.md's `link` gives it),
 * instead of an empty chat and a composer whose sends would fail.
 */
export function TaskCommentsNote({ taskId, userId }: { taskId: number; userId: number }) {
  const { t } = useI18n()
  const { origin } = usePortalClient()
  const href = safeHref(`/company/personal/user/${userId}/tasks/task/view/${taskId}/`, origin)
  return (
    <FeedState>
      {t('feed.taskComments')}{' '}
      {href && (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('feed.openTask')}
        </a>
      )}
    </FeedState>
  )
}
