/** A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF) returning one record per row keyed by the header. */

export function parseCsv(text: string, separator = ','): Record<string, string>[] {
  const rows = parseRows(text.replace(/^\uFEFF/, ''), separator)
  const [header, ...body] = rows
  if (!header) return []
  return body
    .filter((row) => row.length > 1 || (row[0] ?? '') !== '')
    .map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])))
}

function parseRows(text: string, separator: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === separator) {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else {
      field += char
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** Writes rows as CSV, quoting only the fields that need it. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const quote = (value: string | number) => {
    const text = String(value)
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n'
}
