import { describe, expect, it } from 'vitest'
import { readPlacementTask } from './placement'

describe('readPlacementTask', () => {
  it('reads the string task id TASK_VIEW_TAB sends', () => {
    expect(readPlacementTask({ taskId: '31', URI: '/company/personal/user/1/tasks/task/view/31/' })).toEqual({ ok: true, taskId: 31 })
  })
  it('accepts a number and the list menu’s ID', () => {
    expect(readPlacementTask({ taskId: 7 })).toEqual({ ok: true, taskId: 7 })
    expect(readPlacementTask({ ID: '12' })).toEqual({ ok: true, taskId: 12 })
  })
  it.each([
    [''],
    [[]],
    [null],
    [{}],
    [{ taskId: '' }],
    [{ taskId: '0' }],
    [{ taskId: '-3' }],
    [{ taskId: '4.5' }],
    [{ taskId: 'abc' }],
    [{ taskId: '99999999999999999999' }],
  ])('refuses %j', (options) => {
    expect(readPlacementTask(options)).toEqual({ ok: false, reason: 'no-task-id' })
  })
})
