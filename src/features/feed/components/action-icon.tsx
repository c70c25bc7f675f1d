import { LineIcon } from './line-icon'

/**
 * The message actions' pictures: the bar shows icons, so it keeps one width in every language and
 * fits inside the message's own box; each button's name is its word, read out and shown as a tooltip.
 */
const PATHS = {
  reply: 'M6.5 3 2 7.5 6.5 12M2.5 7.5H10a4 4 0 0 1 4 4V14',
  like: 'M2 7h2.5v7H2zM5.5 7 8 2c1 0 1.8.7 1.8 1.8V6.5h3.3c.9 0 1.5.8 1.3 1.6l-1 4.7c-.2.7-.8 1.2-1.5 1.2H5.5z',
  edit: 'M10.5 2.5l3 3L6 13H3v-3zM9 4l3 3',
  delete: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5',
  result: 'M3.5 14V2.5M3.5 3h8.5l-2 3 2 3H3.5',
  unresult: 'M3.5 14V2.5M3.5 3h8.5l-2 3 2 3H3.5M2 2l12 12',
} as const

export type ActionIconName = keyof typeof PATHS

export function ActionIcon({ name }: { name: ActionIconName }) {
  return <LineIcon d={PATHS[name]} className="action-icon" viewBox={16} size={16} strokeWidth={1.4} />
}

/** A button of the message's action bar: its icon, its word for screen readers and as its tooltip. */
export function ActionButton(props: { icon: ActionIconName; label: string; pressed?: boolean; describedBy?: string | undefined; onClick(): void }) {
  const { icon, label, pressed, describedBy, onClick } = props
  return (
    <button type="button" className="message__action" title={label} aria-pressed={pressed} aria-describedby={describedBy} onClick={onClick}>
      <ActionIcon name={icon} />
      <span className="visually-hidden">{label}</span>
    </button>
  )
}
