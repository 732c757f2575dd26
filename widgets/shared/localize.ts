/** Localisation: the element's `lang`, else the page's `<html lang>`, else French; the words live in widgets/i18n. */
import type { ReactiveControllerHost } from 'lit'
import * as en from '../i18n/en'
import * as fr from '../i18n/fr'
import type { CommonWords, Lang } from '../i18n/translation'

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

/** An element whose `lang` attribute is reflected as `locale` (GanapatiElement). */
export interface LocalizedHost extends ReactiveControllerHost {
  locale?: string | null
}

/**
 * The words of one widget in the visitor's language, the shared ones included: `t.retry`,
 * `t.errors.offline`… as well as the widget's own section of widgets/i18n. The language is read
 * at each render (the element's `lang`, then `<html lang>`), so it needs no lifecycle hook.
 */
export class LocalizeController<W extends object> {
  readonly #host: LocalizedHost
  readonly #words: Record<Lang, CommonWords & W>

  constructor(host: LocalizedHost, words: Record<Lang, W>) {
    this.#host = host
    this.#words = { fr: { ...fr.common, ...words.fr }, en: { ...en.common, ...words.en } }
  }

  get lang(): Lang {
    return toLang(this.#host.locale ?? document.documentElement.lang)
  }

  get t(): CommonWords & W {
    return this.#words[this.lang]
  }
}
