import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EmlTransport, emlFileName } from '../../api/services/eml-transport'
import type { MailMessage } from '../../api/services/mail-transport'
import { readMail } from '../support/mail'

const ID = '5f0c3a52-8a4e-4c1e-9a57-3d8e0e6f2b11'
const message: MailMessage = {
  id: ID,
  from: { name: 'Ganapati', email: 'rendez-vous@ganapati.example' },
  to: { name: 'Zoé Lefèvre', email: 'zoe.lefevre@example.fr' },
  replyTo: null,
  subject: 'Rendez-vous confirmé le lundi 23 novembre 2026 à 09:00',
  lang: 'fr',
  text: 'Bonjour Zoé,\n',
  html: '<p>Bonjour Zoé,</p>\n',
  attachments: [
    { filename: 'rendez-vous.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\n' },
  ],
  messageId: `<${ID}@ganapati.example>`,
  date: new Date('2026-11-20T08:00:00Z'),
}

describe('emlFileName', () => {
  it('starts with the send instant, so a folder lists in sending order, and ends with the outbox id', () => {
    expect(emlFileName(message)).toBe(`20261120T080000Z-${ID}.eml`)
  })
})

describe('EmlTransport', () => {
  it('writes the message a mail client opens, creating the folder, and logs one line', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ganapati-eml-')), 'outbox-mail')
    const log: string[] = []
    await new EmlTransport({ dir, log: (line) => log.push(line) }).send(message)

    expect(await readdir(dir)).toEqual([`20261120T080000Z-${ID}.eml`])
    const raw = await readFile(join(dir, `20261120T080000Z-${ID}.eml`))
    // CRLF line ends, as on the wire.
    expect(raw.toString('utf8')).toMatch(/^[^\n]*\r\n/)
    const mail = await readMail(raw)
    expect(mail.to).toEqual({ name: 'Zoé Lefèvre', address: 'zoe.lefevre@example.fr' })
    expect(mail.subject).toBe(message.subject)
    expect(mail.messageId).toBe(message.messageId)
    expect(mail.text).toBe(message.text)
    expect(mail.html).toBe(message.html)
    expect(mail.attachments.map((file) => file.filename)).toEqual(['rendez-vous.ics'])
    // The path only: the log keeps no address or name.
    expect(log).toEqual([`e-mail written to ${join(dir, `20261120T080000Z-${ID}.eml`)}`])
  })
})
