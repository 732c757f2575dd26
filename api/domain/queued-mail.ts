/**
 * E-mails of members and dossiers, written when queued and stored as blocks in the outbox row;
 * only a sign-in link's token is added when sent, unsealed from beside the row, so the payload
 * holds no secret. Set in French typography when written out. Pure.
 */
import type { MailAddress, MailContent } from './booking-mail'
import { frenchTypography } from './french-typography'
import { mailHtml, mailText, type MailBlock } from './mail-blocks'
import { MAIL_WORDS } from './mail-words'
import { signInLink } from './sign-in-link'

export interface QueuedMail {
  to: MailAddress
  subject: string
  blocks: MailBlock[]
  /** A sign-in link to add once its token is unsealed; null when the e-mail carries none. */
  signIn: { page: string; dossierId: string | null; label: string } | null
  footer: string
}

/** Every text a reader sees in French typography; addresses stay as they are. */
function typeset(block: MailBlock): MailBlock {
  switch (block.kind) {
    case 'paragraph':
      return { kind: 'paragraph', text: frenchTypography(block.text) }
    case 'facts':
      return {
        kind: 'facts',
        rows: block.rows.map((row) => ({
          ...row,
          label: frenchTypography(row.label),
          value: row.href ? row.value : frenchTypography(row.value),
        })),
      }
    case 'link':
      return { ...block, label: frenchTypography(block.label) }
    case 'footer':
      return {
        kind: 'footer',
        lines: block.lines.map((line) => ({ ...line, text: frenchTypography(line.text) })),
      }
  }
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
  const blocks = (
    [...mail.blocks, ...link, { kind: 'footer', lines: [{ text: mail.footer }] }] as MailBlock[]
  ).map(typeset)
  const subject = frenchTypography(mail.subject)
  return {
    to: mail.to,
    replyTo: null,
    subject,
    lang: 'fr',
    text: mailText(blocks, MAIL_WORDS.fr.colon),
    html: mailHtml(blocks, 'fr', subject),
    attachments: [],
  }
}
