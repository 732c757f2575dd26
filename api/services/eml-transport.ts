/**
 * E-mail written to files instead of sent (Node without SMTP_URL): each message, exactly as SMTP
 * would carry it, becomes an `.eml` file any mail client opens, and one line is logged. For the
 * demo and development: `npm start` shows what would be sent, and nothing leaves the machine.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createTransport } from 'nodemailer'
import type { MailMessage, MailTransport } from './mail-transport'
import { nodemailerMessage } from './smtp-transport'

/** Under the git-ignored data folder, beside the database. */
export const DEFAULT_MAIL_DIR = '.data/outbox-mail'

/** `20261120T080000Z-<outbox id>.eml`: in sending order, the same name on a retry. */
export function emlFileName(message: Pick<MailMessage, 'id' | 'date'>): string {
  const stamp = message.date.toISOString().slice(0, 19).replace(/[-:]/g, '')
  return `${stamp}Z-${message.id}.eml`
}

export class EmlTransport implements MailTransport {
  readonly #dir: string
  readonly #log: (message: string) => void
  // The stream transport only builds the MIME message: CRLF line ends, as on the wire.
  readonly #composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' })

  constructor(options: { dir: string; log?: (message: string) => void }) {
    this.#dir = options.dir
    this.#log = options.log ?? (() => {})
  }

  async send(message: MailMessage): Promise<void> {
    const built = await this.#composer.sendMail(nodemailerMessage(message))
    await mkdir(this.#dir, { recursive: true })
    const path = join(this.#dir, emlFileName(message))
    await writeFile(path, built.message as Buffer)
    this.#log(`e-mail written to ${path}`)
  }
}
