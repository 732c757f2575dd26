import { describe, expect, it } from 'vitest'
import { nextIndex, tabStop } from '../../../widgets/booking-link/roving-focus'

describe('nextIndex', () => {
  // WAI-ARIA APG, « Developing a keyboard interface », roving tabindex: arrows move, Home and End jump.
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowDown', 0, 1],
    ['ArrowLeft', 1, 0],
    ['ArrowUp', 1, 0],
    ['ArrowRight', 3, 0],
    ['ArrowLeft', 0, 3],
    ['Home', 2, 0],
    ['End', 1, 3],
  ])('%s from %i among 4 → %i', (key, index, next) => {
    expect(nextIndex(key, index, 4)).toBe(next)
  })

  it('leaves other keys to the browser, and a focus outside the group alone', () => {
    expect(nextIndex('Enter', 0, 4)).toBeNull()
    expect(nextIndex(' ', 0, 4)).toBeNull()
    expect(nextIndex('ArrowRight', -1, 4)).toBeNull()
    expect(nextIndex('Home', 0, 0)).toBeNull()
  })
})

describe('tabStop', () => {
  it('is the pressed button, else the first', () => {
    expect(tabStop([false, true, false])).toBe(1)
    expect(tabStop([false, false])).toBe(0)
    expect(tabStop([])).toBe(0)
  })
})
