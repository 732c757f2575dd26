/** What the booking API and the cancellation page share: the booking's advisor, its OPCO's name, a delivery started after a change. */
import type { Context } from 'hono'
import { findAdvisor, type Advisor } from '../../db/advisors'
import type { Booking } from '../../db/bookings'
import type { AppEnv } from '../env'
import type { OutboxDispatcher } from '../services/outbox-dispatcher'

/** A booking's advisor: the foreign key guarantees one, advisors are deactivated, never deleted. */
export async function advisorOf(c: Context<AppEnv>, booking: Booking): Promise<Advisor> {
  const advisor = await findAdvisor(c.var.db, booking.advisorId)
  if (!advisor) throw new Error(`booking ${booking.id} has no advisor ${booking.advisorId}`)
  return advisor
}

/** The name of the OPCO the booking's context names, for the .ics and the e-mails. */
export async function opcoNameOf(c: Context<AppEnv>, booking: Pick<Booking, 'context'>) {
  const opcoId = booking.context?.opcoId
  return opcoId ? ((await c.var.catalog()).opcos.get(opcoId)?.name ?? null) : null
}

/** Sends what a change queued now, without holding the answer; on Workers the isolate waits for it. */
export function deliverSoon(c: Context<AppEnv>, dispatcher: OutboxDispatcher): void {
  const delivery = dispatcher.deliverDue(c.var.db).catch((error: unknown) => {
    console.error('outbox delivery failed', error instanceof Error ? error.message : error)
  })
  try {
    c.executionCtx.waitUntil(delivery)
  } catch {
    // Node has no execution context: the promise runs on its own.
  }
}
