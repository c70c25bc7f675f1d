import type { ReactNode } from 'react'

/** A whole-app message: why the feed cannot show, and what to do about it. */
export function NoticeScreen({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <main className="notice-screen">
      <h1>{title}</h1>
      {children && <p>{children}</p>}
      {action}
    </main>
  )
}
