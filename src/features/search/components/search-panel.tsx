import type { ReactNode, UIEvent } from 'react'
import { errorSentence } from '../../../platform/error-sentence'
import { useI18n } from '../../../i18n/i18n'
import type { useChatSearch } from '../api/use-chat-search'
import './search-panel.css'

/** How close to the end of the results scrolling asks for the next page. */
const NEAR_END_PX = 120

interface Props {
  search: ReturnType<typeof useChatSearch>
  /** The list of matches, when there are some. */
  children: ReactNode
}

/** The results under the searchbox: "type more", searching, a failure with Retry, no match, or the matches and what follows them. */
export function SearchPanel({ search, children }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const onScroll = (event: UIEvent<HTMLElement>) => {
    const el = event.currentTarget
    if (el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX) search.loadMore()
  }
  const note = { short: t('search.tooShort'), loading: t('search.searching'), none: t('search.none', { term: search.term }) }[search.state as string]
  let body: ReactNode
  // One status line for the states in words: its text changes in place, so a screen reader hears each.
  if (note !== undefined)
    body = (
      <p role="status" className="search-panel__note">
        {note}
      </p>
    )
  else if (search.state === 'failed')
    body = (
      <div role="alert" className="search-panel__note">
        <p>
          {t('search.failed')} {errorSentence(search.error, i18n)}
        </p>
        <button type="button" onClick={search.retry}>
          {t('action.retry')}
        </button>
      </div>
    )
  else
    body = (
      <>
        {children}
        {search.loadingMore && <p className="search-panel__note">{t('search.loadingMore')}</p>}
        {search.moreFailed && (
          <div role="alert" className="search-panel__note">
            <p>
              {t('search.moreFailed')} {errorSentence(search.error, i18n)}
            </p>
            <button type="button" onClick={search.retryMore}>
              {t('action.retry')}
            </button>
          </div>
        )}
        {search.hasMore && !search.loadingMore && !search.moreFailed && (
          <button type="button" className="search-panel__more" onClick={search.loadMore}>
            {t('search.more')}
          </button>
        )}
        {!search.hasMore && <p className="search-panel__note">{t('search.end')}</p>}
      </>
    )
  return (
    <div className="search-panel" onScroll={onScroll}>
      {body}
    </div>
  )
}

/** What a screen reader hears when matches are listed: how many (the list itself says nothing until entered). */
export function searchAnnouncement(search: ReturnType<typeof useChatSearch>, t: ReturnType<typeof useI18n>['t']): string {
  return search.state === 'found' ? t(search.hasMore ? 'search.foundMore' : 'search.found', { count: search.matches.length }) : ''
}
