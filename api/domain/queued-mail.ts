/**
 * E-mails of members and dossiers, written when queued and stored as blocks in the outbox row;
 * only a sign-in link's token is added when sent, unsealed from beside the row, so the payload
 * holds no secret. Pure.
 */
import type { MailAddress, MailContent } from './booking-mail'
import { mailHtml, mailText, type MailBlock } from './mail-blocks'
import { signInLink } from './sign-in-link'

export interface QueuedMail {
  to: MailAddress
  subject: string
  blocks: MailBlock[]
  /** A sign-in link to add once its token is unsealed; null when the e-mail carries none. */
  signIn: { page: string; dossierId: string | null; label: string } | null
  footer: string
}

/** The message, with its sign-in link when the token is there. */
export function writeQueuedMail(mail: QueuedMail, token: string | null): MailContent {
  const link: MailBlock[] =
    mail.signIn && token
      ? [
          {
            kind: 'link',
            label: mail.signIn.label,
            href: signInLink(mail.signIn.page, token, mail.signIn.dossierId),
          },
        ]
      : []
  const blocks: MailBlock[] = [
    ...mail.blocks,
    ...link,
    { kind: 'footer', lines: [{ text: mail.footer }] },
  ]
  return {
    to: mail.to,
    replyTo: null,
    subject: mail.subject,
    lang: 'fr',
    text: mailText(blocks, ' : '),
    html: mailHtml(blocks, 'fr', mail.subject),
    attachments: [],
  }
}
