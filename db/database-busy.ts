/** Recognises the engine's "database is locked" failures, however deeply drizzle or the client wrapped them. */

const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)(_|$)/

/**
 * True when the error (or one of its causes) is SQLITE_BUSY or SQLITE_LOCKED, including extended
 * codes such as SQLITE_BUSY_SNAPSHOT: another connection holds the lock, nothing was written.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return false
    const { code, extendedCode, cause } = current as {
      code?: unknown
      extendedCode?: unknown
      cause?: unknown
    }
    if (typeof code === 'string' && BUSY_CODES.test(code)) return true
    if (typeof extendedCode === 'string' && BUSY_CODES.test(extendedCode)) return true
    current = cause
  }
  return false
}
