/** A sentence with its web addresses picked out, so that they can be links. Pure. */

/** An address ends before the punctuation that closes the sentence or the parenthesis around it. */
const ADDRESS = /https?:\/\/[^\s<>()«»"]*[^\s<>()«»".,;:!?\u00a0]/g

/** The text in order: plain strings, and `{ href }` for each http(s) address. */
export function linkedPieces(text: string): (string | { href: string })[] {
  const pieces: (string | { href: string })[] = []
  let last = 0
  for (const match of text.matchAll(ADDRESS)) {
    if (match.index > last) pieces.push(text.slice(last, match.index))
    pieces.push({ href: match[0] })
    last = match.index + match[0].length
  }
  if (last < text.length) pieces.push(text.slice(last))
  return pieces
}
