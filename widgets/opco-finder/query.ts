/** What the visitor typed in the finder, read: an IDCC, a SIRET or SIREN, words; and SIRETs written as on a Kbis. Pure. */

import { groupDigits } from '../shared/localize'

export { groupDigits }

// The API rejects shorter company searches with a 400 (CompanySearchQuery in api/routes/companies.ts).
export const MIN_COMPANY_QUERY = 3

export type Query =
  | { kind: 'empty' }
  | { kind: 'number' }
  /** `value` zero-padded for a lookup, `prefix` as typed for suggestions (`148` → 1486 and 0148). */
  | { kind: 'idcc'; value: string; prefix: string }
  | { kind: 'siret'; value: string }
  | { kind: 'siren'; value: string }
  | { kind: 'words'; value: string }

/** Reads what the visitor typed: spaces, dots and dashes are allowed inside numbers, « IDCC » before one. */
export function classifyQuery(raw: string): Query {
  const text = raw.trim().replace(/^idcc\s*:?\s*/i, '')
  const digits = text.replace(/[\s.\-]/g, '')
  if (!text) return { kind: 'empty' }
  if (!/^\d+$/.test(digits)) return { kind: 'words', value: text }
  if (digits.length <= 4) return { kind: 'idcc', value: digits.padStart(4, '0'), prefix: digits }
  if (digits.length === 9) return { kind: 'siren', value: digits }
  if (digits.length === 14) return { kind: 'siret', value: digits }
  return { kind: 'number' }
}

/** Whether words are long enough to search companies too, not only conventions. */
export function searchesCompanies(query: Query): boolean {
  return query.kind === 'words' && query.value.length >= MIN_COMPANY_QUERY
}

/** « SIRET 418 166 096 00069 », or « SIREN 418 166 096 » for a company known without establishment. */
export function companyId({ siren, siret }: { siren: string; siret: string | null }): string {
  return siret ? `SIRET ${groupDigits(siret)}` : `SIREN ${groupDigits(siren)}`
}
