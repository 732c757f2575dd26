/**
 * Free text sent in request bodies (names, companies, reasons, messages): the characters refused
 * there, once for every contract. What we store is shown to advisors, written in calendar files
 * and e-mails, and forwarded in notifications: a control character breaks those formats, and a
 * bidirectional override shows a reader other text than the one stored (« Trojan Source »,
 * CVE-2021-42574).
 */
import { z } from 'zod'

/**
 * C0 controls and DEL, C1 controls, the line and paragraph separators (U+2028–9, which mail and
 * calendar clients break lines on), bidi embeddings and overrides (U+202A–E), isolates (U+2066–9).
 */
const SINGLE_LINE_REFUSED = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/u
/**
 * The same, except tab and line ends, which a message typed in a text area legitimately holds: a
 * line feed, or a carriage return followed by one (CRLF, as a form posts a text area's lines).
 * U+2028 and U+2029 stay refused: a text area never posts them, and readers disagree on them.
 */
const MULTI_LINE_REFUSED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]|\r(?!\n)/u

const codePoint = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

function refuse(refused: RegExp, rule: string) {
  return (text: string, ctx: z.RefinementCtx) => {
    const found = refused.exec(text)
    if (found) {
      ctx.addIssue({
        code: 'custom',
        message: `Caractère ${codePoint(found[0])} refusé (position ${found.index + 1}) : ${rule}`,
      })
    }
  }
}

/** A name, a company, a reason: one line, no control, line separator or bidi formatting character. */
export const singleLine = <T extends z.ZodString>(text: T): T =>
  text.superRefine(
    refuse(
      SINGLE_LINE_REFUSED,
      'une seule ligne, sans caractère de contrôle, de séparation de ligne ni de mise en forme bidirectionnelle.',
    ),
  )

/** A message: line ends (LF or CRLF) and tabs allowed, no other control, separator or bidi formatting character. */
export const multiLine = <T extends z.ZodString>(text: T): T =>
  text.superRefine(
    refuse(
      MULTI_LINE_REFUSED,
      'retours à la ligne (LF ou CRLF) et tabulations admis, aucun autre caractère de contrôle, de séparation de ligne ni de mise en forme bidirectionnelle.',
    ),
  )
