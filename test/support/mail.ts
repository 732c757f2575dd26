/** Reads an e-mail as a mail client would, with mailparser: headers decoded, parts split, attachments out. */
import { simpleParser, type AddressObject } from 'mailparser'

const first = (address: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(address) ? address[0] : address)?.value[0]

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
}
const unescape = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)

export async function readMail(raw: Buffer | string) {
  const mail = await simpleParser(raw)
  const html = mail.html || ''
  return {
    mail,
    subject: mail.subject ?? '',
    from: first(mail.from),
    to: first(mail.to),
    replyTo: first(mail.replyTo),
    date: mail.date,
    messageId: mail.messageId,
    text: mail.text ?? '',
    html,
    /** Every link of the HTML part, in order, entities decoded. */
    links: [...html.matchAll(/href="([^"]*)"/g)].map((match) => unescape(match[1] ?? '')),
    header: (name: string) => mail.headers.get(name.toLowerCase()),
    attachments: mail.attachments,
  }
}
