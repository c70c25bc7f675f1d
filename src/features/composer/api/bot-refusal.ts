/**
 * The code the app gives the portal's refusal to let its bot into a chat: sending as the bot
 * cannot work there. Its own module so the send path can stay lazily loaded.
 */
export const BOT_JOIN_REFUSED = 'BOT_JOIN_REFUSED'
