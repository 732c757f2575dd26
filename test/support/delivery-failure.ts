/** The DeliveryFailure a send rejects with; anything else fails the test. */
import { DeliveryFailure } from '../../api/domain/delivery-failure'

export async function failureOf(promise: Promise<void>): Promise<DeliveryFailure> {
  try {
    await promise
  } catch (error) {
    if (error instanceof DeliveryFailure) return error
    throw error
  }
  throw new Error('the send succeeded')
}
