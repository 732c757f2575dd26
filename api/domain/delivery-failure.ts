/** Why a notification was not delivered, told from the receiver's answer. Pure. */

export const DELIVERY_FAILURES = ['unavailable', 'refused'] as const
/** `unavailable`: the receiver is down or overloaded; `refused`: it will not take this one. */
export type DeliveryFailureKind = (typeof DELIVERY_FAILURES)[number]

/** 408, 429 and 5xx say « not now »; any other non-2xx answer (4xx, a redirect) says « not this ». */
export function failureOfStatus(status: number): DeliveryFailureKind {
  return status === 408 || status === 429 || status >= 500 ? 'unavailable' : 'refused'
}

/** What a notification channel rejects with: a short reason and its kind. */
export class DeliveryFailure extends Error {
  readonly kind: DeliveryFailureKind

  constructor(message: string, kind: DeliveryFailureKind) {
    super(message)
    this.name = 'DeliveryFailure'
    this.kind = kind
  }
}

/** Anything else a channel throws (a bug, a network stack error) counts as the receiver being down. */
export function failureKindOf(error: unknown): DeliveryFailureKind {
  return error instanceof DeliveryFailure ? error.kind : 'unavailable'
}
