import { describe, expect, it } from 'vitest'
import { mailHtml, mailText, type MailBlock } from '../../api/domain/mail-blocks'

const blocks: MailBlock[] = [
  { kind: 'paragraph', text: 'Bonjour <Zoé>,' },
  {
    kind: 'facts',
    rows: [
      { label: 'Quand', value: 'lundi, 04:00' },
      { label: '', value: 'lundi, 09:00' },
      { label: 'Message', value: 'ligne 1\r\nligne 2' },
      {
        label: 'Salle',
        value: 'https://visio.example/?a=1&b=2',
        href: 'https://visio.example/?a=1&b=2',
      },
    ],
  },
  { kind: 'link', label: 'Annuler', href: 'https://widgets.example/bookings/x/cancel?token="t"' },
  {
    kind: 'footer',
    lines: [
      { text: 'Pourquoi cet e-mail.' },
      { text: 'Vos données :', href: 'https://ganapati.example/rgpd' },
    ],
  },
]

describe('mailText', () => {
  it('writes one fact a line, a row without label under the one above, the links in full', () => {
    expect(mailText(blocks, '\u00a0: ')).toBe(
      [
        'Bonjour <Zoé>,',
        '',
        'Quand\u00a0: lundi, 04:00',
        '    lundi, 09:00',
        'Message\u00a0: ligne 1',
        '    ligne 2',
        'Salle\u00a0: https://visio.example/?a=1&b=2',
        '',
        'Annuler\u00a0: https://widgets.example/bookings/x/cancel?token="t"',
        '',
        '--',
        'Pourquoi cet e-mail.',
        'Vos données : https://ganapati.example/rgpd',
        '',
      ].join('\n'),
    )
  })
})

describe('mailHtml', () => {
  const html = mailHtml(blocks, 'fr', 'Sujet <x>')

  it('escapes every text and attribute', () => {
    expect(html).toContain('<title>Sujet &lt;x&gt;</title>')
    expect(html).toContain('<p>Bonjour &lt;Zoé&gt;,</p>')
    expect(html).toContain('<td>ligne 1<br>ligne 2</td>')
    expect(html).toContain(
      '<a href="https://visio.example/?a=1&amp;b=2">https://visio.example/?a=1&amp;b=2</a>',
    )
    expect(html).toContain(
      '<a href="https://widgets.example/bookings/x/cancel?token=&quot;t&quot;">Annuler</a>',
    )
  })

  it('is a whole document in the reader’s language, with nothing fetched and nothing run', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/)
    expect(html).not.toMatch(/<img|<script|<link|<style|src=|style=/i)
  })
})
