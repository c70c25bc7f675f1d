import { reactionsOf } from '../../../chat/reactions'
import type { Author, Message, Reaction } from '../../../chat/types'
import { useI18n, type Translator } from '../../../i18n/i18n'
import { ReactionGlyph, reactionNameKey } from './reaction-glyph'
import './reactions.css'

/** Who reacted, by name, and how many more the portal did not list (search names at most 5 of a kind). */
function who(reaction: Reaction, authors: ReadonlyMap<number, Author>, t: Translator['t']): string {
  const names = reaction.userIds.map((id) => authors.get(id)?.name ?? t('feed.unknownAuthor')).join(', ')
  const more = reaction.count - reaction.userIds.length
  if (more <= 0) return names
  return names ? t('reaction.more', { names, count: more }) : ''
}

/** A kind other than like: its picture, name and count; not a control (users may only like through the REST API). */
function ReactionChip({ reaction, authors }: { reaction: Reaction; authors: ReadonlyMap<number, Author> }) {
  const { t } = useI18n()
  const name = t(reactionNameKey(reaction.code))
  const names = who(reaction, authors, t)
  const summary = names ? t('reaction.summaryBy', { name, count: reaction.count, names }) : t('reaction.summary', { name, count: reaction.count })
  const full = reaction.own ? `${summary} (${t('reaction.yours')})` : summary
  return (
    <li className={reaction.own ? 'reaction reaction--own' : 'reaction'} title={full}>
      <ReactionGlyph code={reaction.code} />
      <span className="reaction__name" aria-hidden="true">
        {name}
      </span>
      <span className="reaction__count" aria-hidden="true">
        {reaction.count}
      </span>
      <span className="visually-hidden">{full}</span>
    </li>
  )
}

/** The likes: their count in words, and who liked (read out as the Like button's description, `likesId`). */
function LikeChip({ reaction, authors, likesId }: { reaction: Reaction; authors: ReadonlyMap<number, Author>; likesId: string }) {
  const { t } = useI18n()
  const liked = t('message.likedBy', { names: who(reaction, authors, t) })
  return (
    <li className={reaction.own ? 'reaction reaction--own' : 'reaction'} title={liked}>
      <ReactionGlyph code="like" />
      <span id={likesId}>
        {t('message.likes', { count: reaction.count })}
        <span className="visually-hidden">. {liked}</span>
      </span>
    </li>
  )
}

/**
 * Every kind of reaction a message has, as the messenger shows them under it; the viewer's own
 * marked. `ownLike`: whether the viewer likes it as the Like button says (the legacy reader
 * gives no `ownReactions`).
 */
export function Reactions(props: { message: Message; ownLike: boolean; authors: ReadonlyMap<number, Author>; likesId: string }) {
  const { message, ownLike, authors, likesId } = props
  const { t } = useI18n()
  const reactions = reactionsOf(message, 0)
  if (reactions.length === 0) return null
  return (
    <ul className="reactions" aria-label={t('reactions.label')}>
      {reactions.map((reaction) =>
        reaction.code === 'like' ? (
          <LikeChip key="like" reaction={{ ...reaction, own: reaction.own || ownLike }} authors={authors} likesId={likesId} />
        ) : (
          <ReactionChip key={reaction.code} reaction={reaction} authors={authors} />
        ),
      )}
    </ul>
  )
}
