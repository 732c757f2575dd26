import { describe, expect, it } from 'vitest'
import { migratedUpTo, migrationStatements } from '../support/migrations'

describe('migration 0007: e-mail in the outbox', () => {
  it('puts every existing notification on the webhook channel, adds the new columns empty, and orders each channel on its own', async () => {
    const client = await migratedUpTo('0007_mail.sql')
    await client.batch([
      `insert into advisors (id, name, email, active, slot_minutes, buffer_minutes, min_notice_minutes, horizon_days, weekly_hours, origin, updated_at)
       values ('a', 'A', 'a@ganapati.example', 1, 30, 0, 120, 30, '[]', 'seed', 'x')`,
      `insert into bookings (id, advisor_id, start_at, end_at, status, name, email, lang, manage_token_hash, created_at)
       values ('b1', 'a', '2026-11-23T08:00:00.000Z', '2026-11-23T08:30:00.000Z', 'confirmed', 'Zoé', 'z@example.fr', 'fr', 'h', 'x')`,
      `insert into outbox (id, topic, subject, sequence, occurred_at, payload, state, attempts, next_attempt_at, created_at)
       values ('n1', 'booking.confirmed', 'booking:b1', 1, 'x', '{}', 'delivered', 1, 'x', 'x')`,
    ])

    await client.batch(await migrationStatements('0007_mail.sql'), 'write')

    const notification = await client.execute('select channel, sealed_token from outbox')
    expect(notification.rows.map((row) => ({ ...row }))).toEqual([
      { channel: 'webhook', sealed_token: null },
    ])
    const booking = await client.execute(
      'select time_zone, call_mode, page_url, erased_at from bookings',
    )
    expect(booking.rows.map((row) => ({ ...row }))).toEqual([
      { time_zone: null, call_mode: null, page_url: null, erased_at: null },
    ])
    expect(
      (await client.execute('select video_url from advisors')).rows.map((row) => row.video_url),
    ).toEqual([null])

    const insert = (id: string, channel: string) =>
      client.execute({
        sql: `insert into outbox (id, channel, topic, subject, sequence, occurred_at, payload, state, attempts, next_attempt_at, created_at)
              values (?, ?, 'booking.cancelled', 'booking:b1', 2, 'x', '{}', 'pending', 0, 'x', 'x')`,
        args: [id, channel],
      })
    // Sequence 2 once per channel: each has its own order.
    await insert('n2', 'webhook')
    await insert('n3', 'email')
    await expect(insert('n4', 'email')).rejects.toThrow(/UNIQUE/)
    client.close()
  })
})
