import { useI18n } from '../../../i18n/i18n'
import type { Author } from '../../../chat/types'
import './mention-picker.css'

interface Props {
  id: string
  people: Author[]
  active: number
  onPick(person: Author): void
}

/** The list that opens on `@`: people of the chat matching what follows it. */
export function MentionPicker({ id, people, active, onPick }: Props) {
  const { t } = useI18n()
  return (
    <ul id={id} role="listbox" aria-label={t('composer.mentions')} className="mention-picker">
      {people.length === 0 && <li className="mention-picker__empty">{t('composer.noMatches')}</li>}
      {people.map((person, index) => (
        <li
          key={person.id}
          id={`${id}-${person.id}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'mention-picker__option mention-picker__option--active' : 'mention-picker__option'}
          // mousedown, not click: the textarea must keep focus and caret.
          onMouseDown={(event) => {
            event.preventDefault()
            onPick(person)
          }}
        >
          {person.name}
        </li>
      ))}
    </ul>
  )
}
