/** Dates as the rules write them: YYYY-MM-DD in France's time zone. */
const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date in Paris at an instant (milliseconds since the epoch). */
export function parisDate(instant: number): string {
  return PARIS_DATE.format(instant)
}
