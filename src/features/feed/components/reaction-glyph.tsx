import type { MessageKey } from '../../../i18n/en'

/**
 * Every code of ui/lib/Public/Enum/Reaction/ReactionName.php and the emoji the messenger draws for
 * it: the one list of the kinds there are. Each has its name, `reaction.<code>`, in the catalogues
 * (the type of reactionNameKey's result fails to check where one is missing).
 */
const EMOJI = {
  like: '👍',
  faceWithTearsOfJoy: '😂',
  redHeart: '❤️',
  neutralFace: '😐',
  fire: '🔥',
  cry: '😢',
  slightlySmilingFace: '🙂',
  winkingFace: '😉',
  laugh: '😆',
  kiss: '😘',
  wonder: '😲',
  slightlyFrowningFace: '🙁',
  loudlyCryingFace: '😭',
  faceWithStuckOutTongue: '😛',
  faceWithStuckOutTongueAndWinkingEye: '😜',
  smilingFaceWithSunglasses: '😎',
  confusedFace: '😕',
  flushedFace: '😳',
  thinkingFace: '🤔',
  angry: '😠',
  smilingFaceWithHorns: '😈',
  faceWithThermometer: '🤒',
  facepalm: '🤦',
  poo: '💩',
  flexedBiceps: '💪',
  clappingHands: '👏',
  raisedHand: '✋',
  dislike: '👎',
  smilingFaceWithHeartEyes: '😍',
  smilingFaceWithHearts: '🥰',
  pleadingFace: '🥺',
  relievedFace: '😌',
  foldedHands: '🙏',
  okHand: '👌',
  signHorns: '🤘',
  loveYouGesture: '🤟',
  clownFace: '🤡',
  partyingFace: '🥳',
  questionMark: '❓',
  exclamationMark: '❗',
  lightBulb: '💡',
  bomb: '💣',
  sleepingSymbol: '💤',
  crossMark: '❌',
  whiteHeavyCheckMark: '✅',
  eyes: '👀',
  handshake: '🤝',
  hundredPoints: '💯',
} as const satisfies Record<string, string>

type ReactionCode = keyof typeof EMOJI

/** Own keys only: a code such as `constructor` or `toString` is no kind of reaction. */
function isKnown(code: string): code is ReactionCode {
  return Object.hasOwn(EMOJI, code)
}

/** The catalogue key of a reaction's name; a code the enum does not know (a newer portal's) is "Reaction". */
export function reactionNameKey(code: string): MessageKey {
  return isKnown(code) ? `reaction.${code}` : 'reaction.other'
}

/**
 * The reaction's picture. Like and heart are drawn (a system without a colour-emoji font shows the
 * emoji as an empty box: Debian's Chromium out of the box); the rest are emoji beside their names.
 */
export function ReactionGlyph({ code }: { code: string }) {
  if (code === 'like')
    return (
      <svg className="reaction__glyph" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="#f5a623" d="M1 7h3v8H1zM5 7l3-6c1.2 0 2 .8 2 2v3h4c.9 0 1.5.8 1.3 1.7l-1.2 6c-.2.8-.8 1.3-1.6 1.3H5z" />
      </svg>
    )
  if (code === 'redHeart')
    return (
      <svg className="reaction__glyph" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="#e0245e" d="M8 14.5 1.9 8.6A3.8 3.8 0 0 1 8 3.6a3.8 3.8 0 0 1 6.1 5z" />
      </svg>
    )
  return (
    <span className="reaction__glyph reaction__glyph--emoji" aria-hidden="true">
      {isKnown(code) ? EMOJI[code] : '❔'}
    </span>
  )
}
