/** Keyboard navigation in a group of buttons (the booking's days and slots): one tab stop, arrows, Home and End inside. */

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/**
 * The button a key moves to from `index` among `count`, wrapping around; null for a key that does
 * not move (it is then left to the browser: Enter, Space, Tab…).
 */
export function nextIndex(key: string, index: number, count: number): number | null {
  if (index < 0 || !count) return null
  const next = key === 'Home' ? 0 : key === 'End' ? count - 1 : index + (STEPS[key] ?? NaN)
  return Number.isNaN(next) ? null : (next + count) % count
}

/** The index of a group's tab stop: the pressed button, else the first. */
export function tabStop(pressed: boolean[]): number {
  return Math.max(pressed.indexOf(true), 0)
}

/** A keydown listener for the group element: moves focus between its buttons. */
export function handleArrows(event: KeyboardEvent): void {
  const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll('button')]
  const next = nextIndex(
    event.key,
    buttons.indexOf(event.target as HTMLButtonElement),
    buttons.length,
  )
  if (next === null) return
  event.preventDefault()
  buttons[next]?.focus()
}
