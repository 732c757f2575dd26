/** Outbox rows for the e-mails of members and dossiers (api/domain/queued-mail.ts), a sign-in token sealed beside them. */
import type { QueuedNotification } from '../../db/members'
import type { QueuedMail } from '../domain/queued-mail'
import { seal } from './secrets'

export async function queuedMailRow(
  row: { topic: string; subject: string; at: string; dueAt?: string },
  mail: QueuedMail,
  token: { value: string; sealKey: string } | null = null,
): Promise<QueuedNotification> {
  return {
    id: crypto.randomUUID(),
    channel: 'email',
    topic: row.topic,
    subject: row.subject,
    payload: JSON.stringify(mail),
    sealedToken: token ? await seal(token.value, token.sealKey) : null,
    at: row.at,
    dueAt: row.dueAt ?? row.at,
  }
}
