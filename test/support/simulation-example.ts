/** Issue 3's worked example: an apprenticeship at level 6 priced 8 500 € against a 7 000 € NPEC, in a company of 12. */
export const WORKED_EXAMPLE = {
  scheme: 'apprentissage',
  date: '2026-10-01',
  headcount: 12,
  level: 6,
  priceCents: 850_000,
  npecCents: 700_000,
} as const
