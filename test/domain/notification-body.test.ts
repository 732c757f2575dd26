import { describe, expect, it } from 'vitest'
import { notificationBody } from '../../api/domain/notification-body'

describe('notificationBody', () => {
  it('puts type, sequence and occurredAt first, then the stored event', () => {
    const body = notificationBody({
      topic: 'booking.cancelled',
      sequence: 2,
      occurredAt: '2026-11-20T09:00:00.000Z',
      payload: JSON.stringify({ type: 'booking.cancelled', booking: { id: 'b1' } }),
    })
    expect(body).toBe(
      '{"type":"booking.cancelled","sequence":2,"occurredAt":"2026-11-20T09:00:00.000Z","booking":{"id":"b1"}}',
    )
  })

  it('takes the type from the row, not from the stored event', () => {
    const body = notificationBody({
      topic: 'booking.confirmed',
      sequence: 1,
      occurredAt: '2026-11-20T08:00:00.000Z',
      payload: JSON.stringify({ type: 'something-else', booking: {} }),
    })
    expect(JSON.parse(body)).toMatchObject({ type: 'booking.confirmed', sequence: 1 })
  })
})
