/** Minimal i18n: French by default, English on `lang="en"`; each widget ships its own small dictionary. */

export type Lang = 'fr' | 'en'

/** Reads a `lang` attribute: English for `en`, `en-GB`…; French otherwise (the product's default). */
export function toLang(value: string | null | undefined): Lang {
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr'
}

/** Types every other language against the French dictionary, so a missing key fails the build. */
export function dictionaries<D>(all: { fr: D; en: D }): (lang: Lang) => D {
  return (lang) => all[lang]
}

/** « 22,2 % » in French, "22.2%" in English; a handful of anomalies reads « < 0,1 % », not « 0 % ». */
export function formatShare(share: number, lang: Lang): string {
  const format = new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format
  return share > 0 && share < 0.001 ? `<\u00a0${format(0.001)}` : format(share)
}
