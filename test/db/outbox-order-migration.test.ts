import { describe, expect, it } from 'vitest'
import { migratedUpTo, migrationStatements } from '../support/migrations'

describe('migration 0006: outbox ordered per subject', () => {
  it('turns each booking_id into a subject, numbers its notifications in the order they were written, and tells past failures apart', async () => {
    const client = await migratedUpTo('0006_outbox-order.sql')
    const old = (
      id: string,
      booking: string,
      topic: string,
      at: string,
      state: string,
      lastError: string | null = null,
    ) => ({
      sql: `insert into outbox (id, topic, booking_id, payload, state, attempts, next_attempt_at, last_error, created_at)
            values (?, ?, ?, '{}', ?, 1, ?, ?, ?)`,
      args: [id, topic, booking, state, at, lastError, at],
    })
    await client.batch([
      old(
        'n3',
        'b1',
        'booking.cancelled',
        '2026-11-20T09:00:00.000Z',
        'pending',
        'receiver unreachable',
      ),
      old('n1', 'b1', 'booking.confirmed', '2026-11-20T08:00:00.000Z', 'delivered'),
      old(
        'n2',
        'b2',
        'booking.confirmed',
        '2026-11-20T08:30:00.000Z',
        'failed',
        'receiver answered HTTP 410',
      ),
      old(
        'n4',
        'b3',
        'booking.confirmed',
        '2026-11-20T08:40:00.000Z',
        'pending',
        'receiver answered HTTP 503',
      ),
      old(
        'n5',
        'b4',
        'booking.confirmed',
        '2026-11-20T08:50:00.000Z',
        'pending',
        'receiver answered HTTP 429',
      ),
    ])

    await client.batch(await migrationStatements('0006_outbox-order.sql'), 'write')

    const rows = await client.execute(
      'select id, subject, sequence, occurred_at, state, leased_until, last_failure from outbox order by id',
    )
    expect(rows.rows.map((row) => ({ ...row }))).toEqual([
      {
        id: 'n1',
        subject: 'booking:b1',
        sequence: 1,
        occurred_at: '2026-11-20T08:00:00.000Z',
        state: 'delivered',
        leased_until: null,
        last_failure: null,
      },
      {
        id: 'n2',
        subject: 'booking:b2',
        sequence: 1,
        occurred_at: '2026-11-20T08:30:00.000Z',
        state: 'failed',
        leased_until: null,
        last_failure: 'refused',
      },
      {
        id: 'n3',
        subject: 'booking:b1',
        sequence: 2,
        occurred_at: '2026-11-20T09:00:00.000Z',
        state: 'pending',
        leased_until: null,
        last_failure: 'unavailable',
      },
      {
        id: 'n4',
        subject: 'booking:b3',
        sequence: 1,
        occurred_at: '2026-11-20T08:40:00.000Z',
        state: 'pending',
        leased_until: null,
        last_failure: 'unavailable',
      },
      {
        id: 'n5',
        subject: 'booking:b4',
        sequence: 1,
        occurred_at: '2026-11-20T08:50:00.000Z',
        state: 'pending',
        leased_until: null,
        last_failure: 'unavailable',
      },
    ])
    await expect(
      client.execute(
        `insert into outbox (id, topic, subject, sequence, occurred_at, payload, state, attempts, next_attempt_at, created_at)
         values ('n6', 'booking.cancelled', 'booking:b1', 2, 'x', '{}', 'pending', 0, 'x', 'x')`,
      ),
    ).rejects.toThrow(/UNIQUE/)
    client.close()
  })
})
