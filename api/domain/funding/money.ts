/** Euros for people: « 9,15 € », « 6 250 € » from integer cents. */
const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
})

export function formatEuros(cents: number): string {
  return euros.format(cents / 100)
}
