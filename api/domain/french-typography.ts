/** French typography for sentences shown to visitors: curly apostrophes, no-break spaces inside « » and before : ; ? !. Pure. */

/**
 * « l’IDCC », « Atlas\u00a0: », « «\u00a0Quel est mon OPCO\u00a0?\u00a0» »: the apostrophe of
 * French is ’, and the high punctuation and the guillemets never start or end a line apart from
 * their word (Imprimerie nationale's rules). Idempotent; URLs keep their colons, which no space
 * precedes.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/(\p{L})'(?=[\p{L}\d])/gu, '$1’')
    .replace(/ ([:;?!»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
}
