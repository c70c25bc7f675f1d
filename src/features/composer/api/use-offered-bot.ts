import { useQuery } from '@tanstack/react-query'
import { useComposerQueries } from './members-query'

interface Bot {
  id: number
  name: string
}

/**
 * The app's bot, when "Send as <bot>" can work in this chat: the bot is in it already, or the
 * viewer may add it (im.dialog.get, `mayJoin`). Otherwise null: the portal would only refuse.
 * Membership is asked only where the viewer may not add people.
 */
export function useOfferedBot(bot: Bot | null, chatId: number | null, mayJoin: boolean): Bot | null {
  const ask = bot !== null && chatId !== null && !mayJoin
  const member = useQuery({ ...useComposerQueries().hasMember(chatId ?? 0, bot?.id ?? 0), enabled: ask })
  if (bot === null || chatId === null) return null
  return mayJoin || member.data === true ? bot : null
}
