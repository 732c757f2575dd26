/**
 * An e-mail body written once as blocks and rendered twice, as plain text and as HTML, so both
 * parts always say the same. The HTML escapes every text, has no script, no remote image or style
 * and no tracking: links point where they say. Pure.
 */
import { escapeHtml } from './html-text'

export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /**
   * Label and value pairs; a value with an `href` is a link, one with line ends keeps them, a row
   * with an empty label goes on with the one above.
   */
  | { kind: 'facts'; rows: { label: string; value: string; href?: string }[] }
  | { kind: 'link'; label: string; href: string }
  /** Smaller print at the end: why the reader gets this e-mail, where their data are explained. */
  | { kind: 'footer'; lines: { text: string; href?: string }[] }

/** The text part: paragraphs apart, facts one a line (`label : value`), links written out. */
export function mailText(blocks: readonly MailBlock[], colon: string): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.text
      case 'facts':
        return block.rows
          .map((row) => {
            const value = row.value.replace(/\r?\n/g, '\n    ')
            // A row without a label goes on with the one above it.
            return row.label ? `${row.label}${colon}${value}` : `    ${value}`
          })
          .join('\n')
      case 'link':
        return `${block.label}${colon}${block.href}`
      case 'footer':
        return [
          '--',
          ...block.lines.map((line) => (line.href ? `${line.text} ${line.href}` : line.text)),
        ].join('\n')
    }
  })
  return `${parts.join('\n\n')}\n`
}

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`

const lines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>')

/** The HTML part: a complete document in the reader's language, readable without any style. */
export function mailHtml(blocks: readonly MailBlock[], lang: string, title: string): string {
  const body = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return `<p>${lines(block.text)}</p>`
      case 'facts':
        return `<table role="presentation" cellpadding="4">${block.rows
          .map(
            (row) =>
              `<tr><th align="left" valign="top">${escapeHtml(row.label)}</th><td>${
                row.href ? link(row.href, row.value) : lines(row.value)
              }</td></tr>`,
          )
          .join('')}</table>`
      case 'link':
        return `<p>${link(block.href, block.label)}</p>`
      case 'footer':
        return `<hr><p><small>${block.lines
          .map((line) => (line.href ? link(line.href, line.text) : escapeHtml(line.text)))
          .join('<br>')}</small></p>`
    }
  })
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body>${body.join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n')
}
