import type { Rng } from '../prng.ts'

/**
 * Text material for the demo chat. Plain sentences are combined with BB-code "decorations" so
 * that every code the app renders occurs many times across the history.
 */

const TOPICS = [
  'the landing page',
  'the hero banner',
  'the newsletter',
  'the Instagram carousel',
  'the press release',
  'the webinar',
  'the trade show booth',
  'the media plan',
  'the spring lookbook',
  'the partner kit',
  'the video teaser',
  'the retargeting ads',
] as const

const TOPICS_RU = ['лендинг', 'баннер', 'рассылка', 'пресс-релиз', 'вебинар', 'медиаплан', 'стенд на выставке'] as const

/** One chat line with a topic in the sentence's own language. */
export function sentenceFrom(rng: Rng): string {
  const template = rng.pick(SENTENCES)
  return template.replace('{t}', /[а-яё]/i.test(template) ? rng.pick(TOPICS_RU) : rng.pick(TOPICS))
}

const SENTENCES = [
  'I pushed a new version of {t}, please have a look.',
  'Can we move the review of {t} to Thursday?',
  'The client approved {t} with two small comments.',
  'Numbers for {t} look better than last week.',
  'Who owns {t} now that the scope changed?',
  'I will finish {t} by the end of the day.',
  'We need fresh photos for {t}.',
  'Legal asked us to change the wording in {t}.',
  'Budget for {t} is confirmed.',
  'Let me check {t} on mobile first.',
  'Reminder: the deadline for {t} is next Friday.',
  'Good catch, fixed in {t}.',
  'The agency sent the final draft of {t}.',
  'I left comments on {t} in the document.',
  'Can someone proofread {t}?',
  'Моя правка: {t} — сократить текст на треть.',
  '{t}: согласовала с отделом продаж.',
  '{t}: дизайн готов, жду обратную связь.',
  'Перенесём созвон про {t} на завтра?',
  'Посмотрите, пожалуйста, {t} до обеда.',
  'Thanks, that works for me 👍',
  'On it.',
  'Agreed.',
  'Sounds good!',
  'Sorry, I missed this one. Looking now.',
  'Let us discuss it at the stand-up.',
  'Готово ✅',
  'Спасибо!',
]

export const LINKS = [
  'https://www.example.com/spring',
  'https://docs.example.com/media-plan',
  'https://analytics.example.com/dashboards/42',
  'https://figma.example.com/file/banner',
  'https://en.wikipedia.org/wiki/Marketing_campaign',
]

/**
 * What the URL preview service found for the links above (b_urlpreview_metadata: id, title,
 * description); the docs host sends no metadata, so its links get no preview.
 */
export const LINK_PREVIEWS: Readonly<Record<string, { id: number; name: string; desc: string }>> = {
  'https://www.example.com/spring': { id: 301, name: 'Spring collection 2026', desc: 'New season, new colours: discover the spring collection.' },
  'https://analytics.example.com/dashboards/42': { id: 302, name: 'Campaign dashboard', desc: 'Clicks, conversions and spend by channel, updated hourly.' },
  'https://figma.example.com/file/banner': { id: 303, name: 'Hero banner – Figma', desc: 'Design file shared by Дмитрий Соколов.' },
  'https://en.wikipedia.org/wiki/Marketing_campaign': {
    id: 304,
    name: 'Marketing campaign - Wikipedia',
    desc: 'A marketing campaign is a series of steps to promote a product through different mediums.',
  },
  'https://www.example.com/newsletter/spring-preview': {
    id: 305,
    name: 'Spring is here – newsletter preview',
    desc: 'Our spring newsletter, as subscribers will see it.',
  },
}

export const CODE_SNIPPETS = [
  '<a href="https://www.example.com/spring?utm_source=newsletter&utm_medium=email">Shop now</a>',
  'utm_campaign=spring2026&utm_content=hero_banner',
  "SELECT channel, SUM(clicks) FROM ads WHERE campaign = 'spring' GROUP BY channel;",
]

export const IMAGE_NAMES = ['hero-banner-v3.png', 'carousel-slide-2.jpg', 'booth-render.png', 'lookbook-cover.jpg', 'newsletter-header.png', 'ad-mockup.png']
export const DOC_NAMES = ['media-plan.xlsx', 'creative-brief.pdf', 'copy-deck.docx', 'press-release.docx', 'budget-spring.xlsx', 'event-timeline.pdf']

export const STATUS_NAMES = ['In progress', 'Pending', 'Waiting for control', 'In progress']

export const CHECKLIST_ITEMS = [
  'Book the movers',
  'Pack the monitors',
  'Label the boxes',
  'Order new desks',
  'Move the server rack',
  'Update the address on the website',
  'Return the old keys',
  'Set up the Wi-Fi',
  'Forward the mail',
  'Clean the kitchen',
  'Test the printers',
  'Hang the signage',
]

/** The end of the demo history: a coherent recent conversation (author id, text). */
export const RECENT_CONVERSATION: ReadonlyArray<readonly [number, string]> = [
  [2, 'Good morning! Final checks for the launch today 🚀'],
  [7, 'The landing page is live on staging: [url=https://staging.example.com/spring]staging link[/url]'],
  [1, 'Looks great. [b]One thing[/b]: the CTA button is hard to see on mobile.'],
  [4, 'I can make it [color=#ff6a00]orange[/color] like in the banner, ok?'],
  [1, 'Yes please.'],
  [5, '>>the CTA button is hard to see on mobile\nAlso the headline wraps badly at 360px, I shortened it to "Spring is here".'],
  [2, '[USER=5]Emily Zhang[/USER] perfect, thanks!'],
  [3, 'Ads are scheduled for 10:00 tomorrow. Budget split:\n[b]Search[/b] 40%\n[b]Social[/b] 45%\n[b]Display[/b] 15%'],
  [6, 'Booth materials arrived at the venue. Всё на месте, проверила по списку.'],
  [7, 'Fixed the button colour, deployed. Tracking parameters:\n[code]utm_source=launch&utm_medium=cpc&utm_campaign=spring2026[/code]'],
  [1, 'Great work everyone. [i]Remember[/i]: nothing goes live before the 10:00 ads.'],
  [4, 'New banner for the newsletter is attached.'],
  [2, 'Мы готовы к запуску. Завтра в 9:30 короткий созвон, [USER=3]John Carter[/USER] — ты ведёшь.'],
  [3, 'Sure, I will send the invite.'],
  [5, 'Newsletter goes out at 11:00, preview: https://www.example.com/newsletter/spring-preview'],
  [1, 'Thanks all — see you at 9:30 👋'],
]
