/** Localisation: the element's `lang`, else the page's `<html lang>`, else French; the words live in widgets/i18n. */
import type { ReactiveControllerHost } from 'lit'
import * as fr from '../i18n/fr'
import type { CommonWords, Lang } from '../i18n/translation'

/** The English words module (widgets/i18n/en.ts), a chunk of its own. */
export type EnglishWords = typeof import('../i18n/en')

/**
 * English is fetched only by a page that speaks it: a French page, the product's default, does not
 * pay for a second dictionary (about 1 KB gzip per widget). Null until loaded.
 */
let english: EnglishWords | null = null
let englishLoad: Promise<unknown> | null = null

/** How long an English element waits for its words before it draws in French. */
const ENGLISH_WAIT_MS = 3000

/**
 * Resolves once the English words are here, or once waiting for them is given up: a chunk that
 * fails to load (offline, a blocked path, a deploy that replaced it) or hangs leaves the page in
 * French rather than blank, and is not asked for again on every update.
 */
export function loadEnglish(): Promise<unknown> {
  englishLoad ??= Promise.race([
    import('../i18n/en').then((words) => (english = words)),
    new Promise((giveUp) => setTimeout(giveUp, ENGLISH_WAIT_MS)),
  ]).catch(() => {})
  return englishLoad
}

export type { Lang }

/** Reads a `lang` attribute: English for `en`, `en-GB`…; French otherwise (the product's default). */
export function toLang(value: string | null | undefined): Lang {
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr'
}

/** « 22,2 % » in French, "22.2%" in English; a handful of anomalies reads « < 0,1 % », not « 0 % ». */
export function formatShare(share: number, lang: Lang): string {
  const format = new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format
  return share > 0 && share < 0.001 ? `<\u00a0${format(0.001)}` : format(share)
}

/** « 8 500 € », « 2 250,50 € », "€8,500": euros from integer cents, cents shown only when there are some. */
export function formatMoney(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents % 100 ? 2 : 0,
  }).format(cents / 100)
}

/**
 * A number as typed: « 8 500 », « 8 500,50 », « 8500.5 € » in French; "8,500.50" in English.
 * NaN when it is not one, or for money with more than two decimals.
 */
export function parseNumber(text: string, lang: Lang, money?: boolean): number {
  let digits = text.replace(/[\s€]/g, '')
  digits =
    lang === 'en'
      ? digits.replace(/,/g, '')
      : digits.includes(',')
        ? digits.replace(/\./g, '').replace(',', '.')
        : digits
  return (money ? /^\d+(\.\d\d?)?$/ : /^\d+(\.\d+)?$/).test(digits) ? Number(digits) : NaN
}

/** How a figure the visitor did not type (an attribute, a shared link) reads in the form. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value)
}

/**
 * « 418 166 096 00069 »: SIRETs and SIRENs as printed on a Kbis, grouped by no-break spaces
 * (U+00A0) so a narrow screen never breaks the number.
 */
export function groupDigits(id: string): string {
  return id.replace(/(?<=^(\d{3}){1,3})\B/g, '\u00a0')
}

/** An element whose `lang` attribute is reflected as `locale` (GanapatiElement). */
export interface LocalizedHost extends ReactiveControllerHost {
  locale?: string | null
}

/** The language of an element: its `lang` attribute, else the page's `<html lang>`. */
export const langOf = (host: LocalizedHost): Lang =>
  toLang(host.locale ?? document.documentElement.lang)

/**
 * The words of one widget in the visitor's language, the shared ones included: `t.retry`,
 * `t.errors.offline`… as well as the widget's own section of widgets/i18n. The language is read
 * at each render (the element's `lang`, then `<html lang>`), so it needs no lifecycle hook; an
 * English element waits for the English chunk before it renders (GanapatiElement.scheduleUpdate).
 * French words come as values, English ones as a pick from the module, so that each bundle keeps
 * only its widget's French section.
 */
export class LocalizeController<W extends object> {
  readonly #host: LocalizedHost
  readonly #french: CommonWords & W
  readonly #pickEnglish: (words: EnglishWords) => W
  #english: (CommonWords & W) | null = null

  constructor(host: LocalizedHost, french: W, pickEnglish: (words: EnglishWords) => W) {
    this.#host = host
    this.#french = { ...fr.common, ...french }
    this.#pickEnglish = pickEnglish
  }

  /** The language the words are in: English only once its chunk is here, so `lang` never lies. */
  get lang(): Lang {
    return english && langOf(this.#host) === 'en' ? 'en' : 'fr'
  }

  get t(): CommonWords & W {
    if (this.lang === 'fr' || !english) return this.#french
    this.#english ??= { ...english.common, ...this.#pickEnglish(english) }
    return this.#english
  }
}
