/**
 * A line drawing inline (no icon font, no request), in the text's colour and decorative: what it
 * shows is said by the control or the title beside it. The message actions and the feed's states
 * draw theirs with it.
 */
export function LineIcon(props: { d: string; className: string; viewBox: number; size: number; strokeWidth: number }) {
  const { d, className, viewBox, size, strokeWidth } = props
  return (
    <svg className={className} width={size} height={size} viewBox={`0 0 ${viewBox} ${viewBox}`} aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth={strokeWidth} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
