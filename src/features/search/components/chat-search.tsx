import { useCallback, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import type { Author, Message } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import { useChatSearch } from '../api/use-chat-search'
import { SearchPanel, searchAnnouncement } from './search-panel'
import { SearchResult } from './search-result'
import './chat-search.css'

interface Props {
  chatId: number
  /** Authors the conversation knows; a result page's own authors come first. */
  authors: ReadonlyMap<number, Author>
  textContext: RenderContext
  /** The feed hides system messages: a system match says choosing it shows them. */
  systemHidden: boolean
  /** The reader chose a match: the screen shows it in the feed. */
  onChoose(message: Message): void
}

/**
 * "Search in chat": a searchbox in the toolbar and, under it over the feed, the matches newest
 * first. ArrowDown goes from the box into the results, Up and Down move through them, Enter
 * chooses; Escape clears the search and gives focus back to where it was before searching, so the
 * reader is in the feed where they left it (the feed stays mounted underneath all along).
 */
export function ChatSearch({ chatId, authors, textContext, systemHidden, onChoose }: Props) {
  const { t } = useI18n()
  const search = useChatSearch(chatId)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const boxRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  /** What had focus before the search did: Escape returns there. */
  const returnTo = useRef<HTMLElement | null>(null)
  const listId = useId()
  const { matches } = search
  const shown = open && search.state !== 'idle'
  const ctx = useMemo<RenderContext>(() => ({ ...textContext, highlight: search.term, preview: true }), [textContext, search.term])

  const focusOption = (index: number) => {
    const target = Math.max(0, Math.min(index, matches.length - 1))
    setActive(target)
    listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[target]?.focus()
    // Near the end of what is loaded: the next page, as scrolling would ask for it.
    if (target >= matches.length - 2) search.loadMore()
  }

  const leave = () => {
    search.setText('')
    setOpen(false)
    setActive(0)
    const back = returnTo.current
    returnTo.current = null
    if (back?.isConnected) back.focus()
    else boxRef.current?.blur()
  }

  const choose = useCallback(
    (message: Message) => {
      setOpen(false)
      returnTo.current = null
      onChoose(message)
    },
    [onChoose],
  )

  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      leave()
    } else if (event.key === 'Enter') {
      event.preventDefault()
      // The results of what is typed are listed, one marked selected: Enter opens it, as in the messenger.
      const selected = open && search.state === 'found' ? matches[active] : undefined
      if (selected) return choose(selected)
      search.searchNow()
      setOpen(true)
    } else if (event.key === 'ArrowDown' && search.state === 'found' && matches.length > 0) {
      event.preventDefault()
      setOpen(true)
      focusOption(0)
    }
  }

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusOption(active + 1),
      ArrowUp: () => (active === 0 ? boxRef.current?.focus() : focusOption(active - 1)),
      Home: () => focusOption(0),
      End: () => focusOption(matches.length - 1),
      Enter: () => matches[active] && choose(matches[active]),
      Escape: leave,
    }
    const move = moves[event.key]
    // Typing in the results goes on in the box: focus moves there before the key does its work.
    if (!move && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) boxRef.current?.focus()
    if (!move) return
    event.preventDefault()
    move()
  }

  // Focus coming in from outside is remembered, to give back on Escape; leaving for elsewhere closes the results.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const from = event.relatedTarget
    if (!event.currentTarget.contains(from)) returnTo.current = from instanceof HTMLElement ? from : null
  }
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) setOpen(false)
  }

  return (
    <div className="chat-search" role="search" onFocus={onFocus} onBlur={onBlur}>
      <input
        ref={boxRef}
        type="search"
        className="chat-search__box"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-controls={shown && search.state === 'found' ? listId : undefined}
        autoComplete="off"
        spellCheck={false}
        value={search.text}
        onChange={(event) => {
          search.setText(event.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onBoxKey}
      />
      <span role="status" className="visually-hidden">
        {shown ? searchAnnouncement(search, t) : ''}
      </span>
      {shown && (
        <SearchPanel search={search}>
          <ul ref={listRef} id={listId} role="listbox" aria-label={t('search.results')} className="search-results" onKeyDown={onListKey}>
            {matches.map((message, index) => (
              <SearchResult
                key={message.id}
                id={`${listId}-${message.id}`}
                message={message}
                authorName={(search.authors.get(message.authorId) ?? authors.get(message.authorId))?.name}
                ctx={ctx}
                active={index === active}
                hiddenInFeed={systemHidden && message.isSystem}
                onChoose={choose}
                onFocus={() => setActive(index)}
              />
            ))}
          </ul>
        </SearchPanel>
      )}
    </div>
  )
}
