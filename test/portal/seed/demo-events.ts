/**
 * The tasks module's side of task 1's chat: what happens to the task day by day (status, deadline,
 * people, checklist, time tracking, files, overdue agents), each as the notice the server posts
 * (notices.ts). A small state machine keeps the story coherent: a timer is stopped by whoever
 * started it, a deadline is changed only once set, the overdue agent fires once per passed deadline.
 */
import type { Rng } from '../prng.ts'
import type { Store } from '../state.ts'
import * as n from './notices.ts'
import type { ChatWriter } from './writer.ts'

const CHECKLISTS: Record<string, string[]> = {
  'Launch plan': ['Brief approved', 'Assets delivered', 'Copy proofread', 'Budget signed', 'Landing QA done', 'Press kit sent', 'Ads scheduled'],
  'Event booth': ['Booth booked', 'Banners printed', 'Staff rota', 'Badges ordered', 'Demo laptops packed'],
  Newsletter: ['Subject line', 'Hero image', 'Segment list', 'Test send', 'Final send'],
}
const TASK_FILES = ['media-plan-v2.xlsx', 'brand-guidelines.pdf', 'launch-timeline.pdf', 'hero-banner-final.png', 'budget-q2.xlsx', 'press-release-final.docx']
const DEADLINE_REASONS = ['The printer moved the delivery', 'Waiting for legal approval', 'The client asked for one more round']
const TIME_COMMENTS = ['Banner revisions', 'Call with the agency', 'Landing page QA']
/** Who works on the task (creator 1, responsible 2, participants); observer 8 only watches. */
const ACTORS = [1, 1, 2, 2, 2, 3, 4, 5, 6, 7]
const RESPONSIBLE = 2

/** 19:00 portal time (UTC+3) on the day of `unix`: deadlines are set to the end of a working day. */
export function eveningOf(unix: number): number {
  const day = Math.floor((unix + 3 * 3600) / 86_400)
  return day * 86_400 - 3 * 3600 + 19 * 3600
}

export class TaskStory {
  private status: 'progress' | 'paused' | 'deferred' = 'progress'
  private deadline: number | null = null
  private overdueFor: number | null = null
  private soonFor: number | null = null
  private readonly timers = new Map<number, number>()
  private readonly done = new Map<string, Set<string>>()
  private auditorsOn = new Set<number>([8])
  private accomplicesOn = new Set<number>([3, 4, 5, 6, 7])

  constructor(
    private readonly store: Store,
    private readonly w: ChatWriter,
    private readonly rng: Rng,
  ) {}

  /** The first day: the task starts and gets its deadline. */
  begin(date: number, deadlineTs: number): number {
    this.w.notice(date, n.statusChanged(this.store, RESPONSIBLE, 'started'))
    this.deadline = deadlineTs
    this.w.notice(date + 40, n.deadlineSet(this.store, 1, deadlineTs))
    this.w.notice(date + 90, n.checklistAdded(this.store, 1, 7, 'Launch plan'))
    return date + 90
  }

  /** One notice (sometimes a short burst) at `date`; returns the last date used. */
  event(date: number): number {
    const store = this.store
    if (this.deadline !== null && date > this.deadline && this.overdueFor !== this.deadline) {
      this.overdueFor = this.deadline
      this.w.notice(date, n.overdue(store, RESPONSIBLE, this.deadline))
      return date
    }
    // Once overdue, someone soon moves the deadline.
    if (this.overdueFor !== null && this.overdueFor === this.deadline && this.rng.chance(0.3)) return this.deadlineEvent(date)
    const who = this.rng.pick(ACTORS)
    const roll = this.rng.int(0, 99)
    if (roll < 2) return this.deadlineEvent(date)
    if (roll < 24) return this.checklist(date, who)
    if (roll < 44) return this.timer(date, who)
    if (roll < 50) return this.statusEvent(date)
    if (roll < 60) {
      const seconds = this.rng.int(2, 30) * 900
      this.w.notice(date, n.timeAdded(store, who, seconds, this.rng.chance(0.4) ? this.rng.pick(TIME_COMMENTS) : undefined))
      return date
    }
    if (roll < 68) {
      const names = this.rng.chance(0.6)
        ? [this.rng.pick(TASK_FILES)]
        : [this.rng.pick(TASK_FILES), this.rng.pick(TASK_FILES)].filter((v, i, a) => a.indexOf(v) === i)
      this.w.notice(date, n.filesAdded(store, who, names, date))
      return date
    }
    if (roll < 70) {
      this.w.notice(date, n.filesRemoved(store, who, this.rng.int(1, 2)))
      return date
    }
    if (roll < 78) return this.people(date)
    if (roll < 82 && this.deadline !== null && this.deadline - date < 2 * 86_400 && this.deadline > date && this.soonFor !== this.deadline) {
      this.soonFor = this.deadline
      this.w.notice(date, n.overdueSoon(store, RESPONSIBLE, this.deadline))
      return date
    }
    if (roll >= 82 && roll < 84) {
      this.w.notice(date, n.descriptionChanged(store, 1))
      return date
    }
    if (roll === 84) {
      this.w.notice(date, n.statusPinged(store, 1, [RESPONSIBLE]))
      return date
    }
    const checklist = this.rng.pick(Object.keys(CHECKLISTS))
    this.w.notice(date, n.checklistItemsAdded(store, who, this.rng.int(1, 3), checklist))
    return date
  }

  /** The rare changes, on their own days: priority, a change of assignee and of owner and back. */
  oneOff(date: number, day: string): number {
    const store = this.store
    const once: Record<string, () => n.Notice> = {
      '2026-04-13': () => n.priorityHigh(store, 1),
      '2026-05-18': () => n.responsibleChanged(store, 1, 2, 3),
      '2026-05-29': () => n.responsibleChanged(store, 1, 3, 2),
      '2026-07-06': () => n.ownerChanged(store, 1, 1, 7),
      '2026-07-20': () => n.ownerChanged(store, 7, 7, 1),
    }
    const make = once[day]
    if (!make) return date
    this.w.notice(date, make())
    return date
  }

  private checklist(date: number, who: number): number {
    const name = this.rng.pick(Object.keys(CHECKLISTS))
    const items = CHECKLISTS[name] ?? []
    const done = this.done.get(name) ?? new Set<string>()
    this.done.set(name, done)
    const open = items.filter((i) => !done.has(i))
    const item = open.length > 0 && this.rng.chance(0.85) ? this.rng.pick(open) : this.rng.pick(items)
    if (done.has(item)) {
      done.delete(item)
      this.w.notice(date, n.checklistItemUnchecked(this.store, who, item, name))
      return date
    }
    done.add(item)
    this.w.notice(date, n.checklistItemCompleted(this.store, who, item, name))
    if (done.size === items.length) {
      this.w.notice(date + 1, n.checklistCompleted(this.store, who, name))
      this.done.set(name, new Set())
      return date + 1
    }
    return date
  }

  private timer(date: number, who: number): number {
    const running = [...this.timers.entries()].find(([user, since]) => user === who || date - since > 900)
    if (running) {
      const [user, since] = running
      this.timers.delete(user)
      this.w.notice(date, n.timerStopped(this.store, user, this.duration(date - since)))
      return date
    }
    this.timers.set(who, date)
    this.w.notice(date, n.timerStarted(this.store, who))
    return date
  }

  /** What a timer left running overnight shows: the portal stops it at the end of the working day. */
  private duration(seconds: number): number {
    return seconds <= 5 * 3600 ? Math.max(60, seconds - (seconds % 60)) : this.rng.int(4, 32) * 900
  }

  private deadlineEvent(date: number): number {
    const by = this.rng.chance(0.8) ? 1 : RESPONSIBLE
    const next = eveningOf(date + this.rng.int(2, 14) * 86_400)
    if (this.deadline === null) {
      this.deadline = next
      this.w.notice(date, n.deadlineSet(this.store, by, next))
    } else if (this.rng.chance(0.06)) {
      this.deadline = null
      this.w.notice(date, n.deadlineRemoved(this.store, by))
    } else {
      this.deadline = next
      const reason = by === RESPONSIBLE ? this.rng.pick(DEADLINE_REASONS) : undefined
      this.w.notice(date, n.deadlineChanged(this.store, by, next, reason))
    }
    return date
  }

  private statusEvent(date: number): number {
    const by = this.rng.chance(0.7) ? RESPONSIBLE : 1
    if (this.status === 'paused') {
      this.status = 'progress'
      this.w.notice(date, n.statusChanged(this.store, by, 'resumed'))
    } else if (this.status === 'deferred') {
      this.status = 'progress'
      this.w.notice(date, n.statusChanged(this.store, by, 'resumedDeferred'))
    } else if (this.rng.chance(0.85)) {
      this.status = 'paused'
      this.w.notice(date, n.statusChanged(this.store, by, 'paused'))
    } else {
      this.status = 'deferred'
      this.w.notice(date, n.statusChanged(this.store, by, 'deferred'))
    }
    return date
  }

  /** Observers and participants come and go; the task ends with observer 8 and participants 3-7. */
  private people(date: number): number {
    const store = this.store
    const candidate = this.rng.pick([3, 4, 5, 6, 7])
    if (this.rng.chance(0.5)) {
      if (this.auditorsOn.has(candidate)) {
        this.auditorsOn.delete(candidate)
        this.w.notice(date, n.auditorsRemoved(store, 1, [candidate]))
      } else {
        this.auditorsOn.add(candidate)
        this.w.notice(date, this.rng.chance(0.3) ? n.auditorSelf(store, candidate) : n.auditorsAdded(store, 1, [candidate]))
      }
      return date
    }
    if (this.accomplicesOn.has(candidate)) {
      this.accomplicesOn.delete(candidate)
      this.w.notice(date, n.accomplicesRemoved(store, 1, [candidate]))
    } else {
      this.accomplicesOn.add(candidate)
      this.w.notice(date, n.accomplicesAdded(store, RESPONSIBLE, [candidate]))
    }
    return date
  }

  /** Before the recent conversation: back in progress, timers stopped, people as the task lists them. */
  settle(date: number): number {
    let t = date
    if (this.status !== 'progress') this.w.notice((t += 60), n.statusChanged(this.store, RESPONSIBLE, this.status === 'paused' ? 'resumed' : 'resumedDeferred'))
    this.status = 'progress'
    for (const [user, since] of this.timers) this.w.notice((t += 60), n.timerStopped(this.store, user, this.duration(t - since)))
    this.timers.clear()
    const extraAuditors = [...this.auditorsOn].filter((id) => id !== 8)
    if (extraAuditors.length > 0) this.w.notice((t += 60), n.auditorsRemoved(this.store, 1, extraAuditors))
    const missing = [3, 4, 5, 6, 7].filter((id) => !this.accomplicesOn.has(id))
    if (missing.length > 0) this.w.notice((t += 60), n.accomplicesAdded(this.store, RESPONSIBLE, missing))
    return t
  }
}
