/**
 * Who a client is, for per-client limits: IP addresses and CIDR ranges parsed by hand (no Node
 * API, so Workers can use it too), the client read from X-Forwarded-For behind trusted proxies,
 * and the key a client is counted under (its IPv4 address, or its IPv6 /64). Pure.
 */

/** An address as bytes; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) is read as its IPv4 address. */
export interface IpAddress {
  version: 4 | 6
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: readonly number[]
}

/** A range: the addresses whose first `prefix` bits are those of `bytes`. */
export interface Cidr extends IpAddress {
  prefix: number
}

const IPV4_PART = /^(?:0|[1-9]\d{0,2})$/
const HEXTET = /^[0-9a-f]{1,4}$/i
const PREFIX = /^(?:0|[1-9]\d{0,2})$/
/** A zone (`fe80::1%eth0`) names an interface, not another address: Node's peer address may carry one. */
const ZONE = /%[\w.-]+$/
/** `::ffff:0:0/96` (RFC 4291 § 2.5.5.2): IPv4 clients of a dual-stack socket arrive in this form. */
const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes: number[] = []
  // Leading zeros are refused: some parsers read them as octal, so `010.0.0.1` is ambiguous.
  for (const part of parts) {
    if (!IPV4_PART.test(part) || Number(part) > 255) return null
    bytes.push(Number(part))
  }
  return bytes
}

function parseHextets(groups: string[]): number[] | null {
  const bytes: number[] = []
  for (const [index, group] of groups.entries()) {
    if (index === groups.length - 1 && group.includes('.')) {
      const ipv4 = parseIpv4(group)
      if (!ipv4) return null
      bytes.push(...ipv4)
    } else {
      if (!HEXTET.test(group)) return null
      const value = parseInt(group, 16)
      bytes.push(value >> 8, value & 0xff)
    }
  }
  return bytes
}

/** The 16 bytes of an IPv6 address (RFC 4291 § 2.2 text forms), without unmapping. */
function parseIpv6(text: string): number[] | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const split = (half: string) => (half === '' ? [] : half.split(':'))
  const head = parseHextets(split(halves[0]!))
  if (halves.length === 1) return head?.length === 16 ? head : null
  const tail = parseHextets(split(halves[1]!))
  if (!head || !tail) return null
  // An IPv4 tail is only allowed at the very end: it cannot sit in the head of a `::` form.
  if (halves[0]!.includes('.')) return null
  const missing = 16 - head.length - tail.length
  if (missing < 2) return null
  return [...head, ...new Array<number>(missing).fill(0), ...tail]
}

const isMapped = (bytes: readonly number[]) =>
  MAPPED_PREFIX.every((byte, index) => bytes[index] === byte)

/** Reads an IPv4 or IPv6 address (a zone is dropped, an IPv4-mapped address becomes IPv4); null otherwise. */
export function parseIp(text: string): IpAddress | null {
  const trimmed = text.trim()
  if (trimmed.includes(':')) {
    const bytes = parseIpv6(trimmed.replace(ZONE, ''))
    if (!bytes) return null
    return isMapped(bytes) ? { version: 4, bytes: bytes.slice(12) } : { version: 6, bytes }
  }
  const bytes = parseIpv4(trimmed)
  return bytes ? { version: 4, bytes } : null
}

/**
 * Reads `address/prefix`, or an address alone (one host). A range of IPv4-mapped addresses
 * (`::ffff:10.0.0.0/104`) becomes the IPv4 range, as the addresses it must match are read as IPv4.
 */
export function parseCidr(text: string): Cidr | null {
  const [addressText = '', prefixText, extra] = text.trim().split('/')
  if (extra !== undefined || addressText.includes('%')) return null
  const isV6 = addressText.includes(':')
  const raw = isV6 ? parseIpv6(addressText) : parseIpv4(addressText)
  if (!raw) return null
  const bits = raw.length * 8
  if (prefixText !== undefined && !PREFIX.test(prefixText)) return null
  const prefix = prefixText === undefined ? bits : Number(prefixText)
  if (prefix > bits) return null
  if (isV6 && isMapped(raw) && prefix >= 96) {
    return { version: 4, bytes: raw.slice(12), prefix: prefix - 96 }
  }
  return { version: isV6 ? 6 : 4, bytes: raw, prefix }
}

/** Whether the address lies in the range; an IPv4 address is never in an IPv6 range, nor the reverse. */
export function inCidr(address: IpAddress, cidr: Cidr): boolean {
  if (address.version !== cidr.version) return false
  const whole = Math.floor(cidr.prefix / 8)
  for (let index = 0; index < whole; index++) {
    if (address.bytes[index] !== cidr.bytes[index]) return false
  }
  const rest = cidr.prefix % 8
  if (rest === 0) return true
  const mask = (0xff << (8 - rest)) & 0xff
  return ((address.bytes[whole] ?? 0) & mask) === ((cidr.bytes[whole] ?? 0) & mask)
}

/** Reads a comma-separated list of ranges (TRUSTED_PROXIES); the entries that are not ranges otherwise. */
export function parseCidrList(text: string): { cidrs: Cidr[] } | { invalid: string[] } {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  const cidrs: Cidr[] = []
  const invalid: string[] = []
  for (const entry of entries) {
    const cidr = parseCidr(entry)
    if (cidr) cidrs.push(cidr)
    else invalid.push(entry)
  }
  return invalid.length > 0 ? { invalid } : { cidrs }
}

const isTrusted = (address: IpAddress, trusted: readonly Cidr[]) =>
  trusted.some((cidr) => inCidr(address, cidr))

/**
 * The client's address. The socket's peer, unless it is a trusted proxy: then X-Forwarded-For is
 * read from the right (each proxy appends the address it received the request from), trusted hops
 * are skipped, and the first untrusted address is the client. Anything left of it was written by
 * the client and could be forged. A hop may carry a port, which is dropped. A malformed entry
 * stops the walk at the last trusted hop, since nothing past it can be relied on. Null when the
 * peer itself is not an address.
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | undefined,
  trusted: readonly Cidr[],
): IpAddress | null {
  const socket = parseIp(peer)
  if (!socket || !isTrusted(socket, trusted) || forwardedFor === undefined) return socket
  const hops = forwardedFor.split(',')
  let last = socket
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = parseHop(hops[index]!)
    if (!hop) return last
    if (!isTrusted(hop, trusted)) return hop
    last = hop
  }
  return last
}

/** A bracketed IPv6 address, with or without a port: `[2001:db8::1]`, `[2001:db8::1]:443`. */
const BRACKETED = /^\[([^\]]+)\](?::(\d{1,5}))?$/
/** An IPv4 address and a port: one colon, where a bare IPv6 address has at least two. */
const IPV4_WITH_PORT = /^([^:]+):(\d{1,5})$/

const isPort = (text: string | undefined) => text === undefined || Number(text) <= 65535

/**
 * One X-Forwarded-For hop. Azure Application Gateway, IIS ARR and some load balancers append the
 * client's port (`203.0.113.5:51234`, `[2001:db8::1]:443`); it names the same client, so it is
 * dropped. An unbracketed IPv6 address is read whole: `2001:db8::1:443` is an address, not a port.
 */
function parseHop(text: string): IpAddress | null {
  const hop = text.trim()
  const bracketed = BRACKETED.exec(hop)
  if (bracketed) {
    // Brackets hold an IPv6 literal only (RFC 3986 § 3.2.2).
    const [, address = '', port] = bracketed
    return address.includes(':') && isPort(port) ? parseIp(address) : null
  }
  const withPort = IPV4_WITH_PORT.exec(hop)
  if (withPort) {
    const [, address = '', port] = withPort
    const bytes = isPort(port) ? parseIpv4(address) : null
    return bytes ? { version: 4, bytes } : null
  }
  return parseIp(hop)
}

const hex = (bytes: readonly number[], at: number) =>
  (((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0)).toString(16)

/**
 * The key a client is counted under: an IPv4 address as is; an IPv6 address by its /64, the
 * smallest block an ISP hands a subscriber (RFC 6177), who can use any of its 2^64 addresses.
 */
export function addressKey(address: IpAddress): string {
  if (address.version === 4) return address.bytes.join('.')
  return `${[0, 2, 4, 6].map((at) => hex(address.bytes, at)).join(':')}::/64`
}

/** The key of a client known by an address header or socket; text that is no address is its own key. */
export function clientKeyOf(text: string): string {
  const address = parseIp(text)
  return address ? addressKey(address) : text
}
