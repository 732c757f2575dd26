/** Text normalisation for search: lower case, no accents, no punctuation — « Bâtiment » matches « batiment ». */

const COMBINING_MARKS = /[\u0300-\u036f]/g
const NON_ALPHANUMERIC = /[^a-z0-9]+/g

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(NON_ALPHANUMERIC, ' ')
    .trim()
}

/** The words of a query, normalised, without duplicates. */
export function queryWords(query: string): string[] {
  return [...new Set(normalizeText(query).split(' ').filter(Boolean))]
}
