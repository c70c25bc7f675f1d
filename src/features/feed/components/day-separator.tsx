import { dateFormat } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import './day-separator.css'

function sameDay(a: Date, b: Date) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()
}

/** "Today", "Yesterday" or the date, between days. Decorative: each message's time carries its full date for AT. */
export function DaySeparator({ date }: { date: Date }) {
  const { t, locale } = useI18n()
  const now = new Date()
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)
  const label = sameDay(date, now)
    ? t('feed.today')
    : sameDay(date, yesterday)
      ? t('feed.yesterday')
      : dateFormat(locale, { day: 'numeric', month: 'long', year: date.getFullYear() === now.getFullYear() ? undefined : 'numeric' }).format(date)
  return (
    <div className="day-separator" aria-hidden="true">
      <span>{label}</span>
    </div>
  )
}

/** The day of the topmost message in view, held at the top of the scrolling feed as the messenger does. */
export function StickyDay({ date }: { date: Date }) {
  return (
    <div className="sticky-day">
      <DaySeparator date={date} />
    </div>
  )
}
