import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import type { Author } from '../../../chat/types'
import { useComposerQueries } from '../api/members-query'
import { findMentionTrigger, insertMention, matchesQuery, type MentionTrigger } from '../api/mention-trigger'
import type { DraftMention } from '../api/outbox-store'

const MAX_OPTIONS = 8

/**
 * `@` in the composer offers the chat's members; choosing one writes `@Full Name` into the box
 * and adds the person to the draft's mentions (sent as `[USER=ID]Name[/USER]`).
 * Members load the first time someone types `@` in this chat.
 */
export function useMentions(
  chatId: number | null,
  text: string,
  mentions: readonly DraftMention[],
  setDraft: (text: string, mentions: DraftMention[]) => void,
  inputRef: RefObject<HTMLTextAreaElement | null>,
) {
  const [trigger, setTrigger] = useState<MentionTrigger | null>(null)
  const [active, setActive] = useState(0)
  // Where a space was added after the last mention: a space typed right there is not doubled.
  const autoSpaceAt = useRef<number | null>(null)
  const members = useQuery({ ...useComposerQueries().members(chatId ?? 0), enabled: trigger !== null && chatId !== null })
  const people = trigger ? (members.data ?? []).filter((p) => !p.isBot && matchesQuery(p.name, trigger.query)).slice(0, MAX_OPTIONS) : []
  const open = trigger !== null && chatId !== null && members.isSuccess

  function track(value: string, caret: number) {
    setTrigger(findMentionTrigger(value, caret))
    setActive(0)
  }

  function pick(person: Author) {
    const input = inputRef.current
    if (!trigger || !input) return
    const next = insertMention(text, trigger, input.selectionStart, person)
    const chosen = { id: person.id, name: person.name }
    setDraft(next.text, [...mentions.filter((m) => m.id !== person.id), chosen])
    setTrigger(null)
    autoSpaceAt.current = next.autoSpace ? next.caret : null
    requestAnimationFrame(() => input.setSelectionRange(next.caret, next.caret))
  }

  /** Handles the key if it is the picker's (or a doubled space); answers whether it did. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    const input = event.currentTarget
    const spaceAt = autoSpaceAt.current
    autoSpaceAt.current = null
    if (event.key === ' ' && spaceAt !== null && input.selectionStart === spaceAt && input.selectionEnd === spaceAt) {
      event.preventDefault()
      return true
    }
    if (!open) return false
    if (event.key === 'Escape') setTrigger(null)
    else if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, people.length - 1))
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
    else if ((event.key === 'Enter' || event.key === 'Tab') && people[active]) pick(people[active])
    else return false
    event.preventDefault()
    return true
  }

  return { open, people, active, track, pick, onKeyDown, close: () => setTrigger(null) }
}
