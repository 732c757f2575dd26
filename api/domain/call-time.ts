/** A call's date and hours as a reader sees them, in a time zone and in French or English. Pure: Intl only. */
import type { Lang } from './reason-text'

export const PARIS_TIME_ZONE = 'Europe/Paris'

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' }

const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>()

function formatsFor(timeZone: string, lang: Lang) {
  const key = `${lang} ${timeZone}`
  let found = formats.get(key)
  if (!found) {
    found = {
      date: new Intl.DateTimeFormat(LOCALES[lang], {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
      time: new Intl.DateTimeFormat(LOCALES[lang], {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
    }
    formats.set(key, found)
  }
  return found
}

export interface CallTime {
  /** « lundi 23 novembre 2026 » / « Monday 23 November 2026 ». */
  date: string
  /** « 09:00 ». */
  from: string
  /** « 09:30 ». */
  to: string
}

/** The call's day and hours on the clocks of `timeZone`. */
export function callTime(start: string, end: string, timeZone: string, lang: Lang): CallTime {
  const { date, time } = formatsFor(timeZone, lang)
  return {
    date: date.format(Date.parse(start)),
    from: time.format(Date.parse(start)),
    to: time.format(Date.parse(end)),
  }
}

/**
 * The call in the reader's zone and in Paris, where the advisor is; one entry when both clocks
 * read the same (the reader is in Paris, Brussels, or gave no zone).
 */
export function callTimes(
  start: string,
  end: string,
  timeZone: string | null,
  lang: Lang,
): { local: CallTime | null; paris: CallTime } {
  const paris = callTime(start, end, PARIS_TIME_ZONE, lang)
  if (!timeZone) return { local: null, paris }
  const local = callTime(start, end, timeZone, lang)
  const same = local.date === paris.date && local.from === paris.from && local.to === paris.to
  return { local: same ? null : local, paris }
}
