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

/**
 * An SMTP reply code (RFC 5321 § 4.2.1): 5yz is a permanent refusal of this message (a mailbox
 * that does not exist, a message the server will not take); 4yz, or no reply at all (the connection
 * failed or dropped, a timeout), says « not now ».
 */
export function failureOfSmtpCode(code: number | undefined): DeliveryFailureKind {
  return code !== undefined && code >= 500 && code <= 599 ? 'refused' : 'unavailable'
}

/**
 * A transactional e-mail API's answer: as a webhook's, except that a refused key (401, 403) or an
 * account out of credits (402) holds every message, not this one: the sender is down until fixed.
 */
export function failureOfMailApiStatus(status: number): DeliveryFailureKind {
  return status === 401 || status === 402 || status === 403
    ? 'unavailable'
    : failureOfStatus(status)
}
