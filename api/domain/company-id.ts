/** SIREN (9 digits) and SIRET (14 digits): parsing and checksum (Luhn, with La Poste's exception). */

export type CompanyId =
  { kind: 'siren'; siren: string } | { kind: 'siret'; siren: string; siret: string }

export type CompanyIdError = 'format' | 'checksum'

/** La Poste's establishments share one SIREN and are numbered past what Luhn allows (INSEE rule). */
const LA_POSTE_SIREN = '356000000'

function digitSum(digits: string): number {
  let sum = 0
  for (const digit of digits) sum += Number(digit)
  return sum
}

/** Luhn: from the right, every second digit doubled (minus 9 above 9); the total is a multiple of 10. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

function isValidSiret(siret: string): boolean {
  // La Poste SIRETs: the sum of the 14 digits is a multiple of 5 instead of the Luhn rule.
  if (siret.startsWith(LA_POSTE_SIREN)) return digitSum(siret) % 5 === 0
  return passesLuhn(siret)
}

/** Reads what a visitor typed (spaces and dots allowed) as a SIREN or a SIRET. */
export function parseCompanyId(raw: string): CompanyId | CompanyIdError {
  const digits = raw.replace(/[\s.]/g, '')
  if (/^\d{9}$/.test(digits)) {
    return passesLuhn(digits) ? { kind: 'siren', siren: digits } : 'checksum'
  }
  if (/^\d{14}$/.test(digits)) {
    return isValidSiret(digits)
      ? { kind: 'siret', siren: digits.slice(0, 9), siret: digits }
      : 'checksum'
  }
  return 'format'
}
