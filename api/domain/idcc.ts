/** IDCC codes are 4-character strings, zero-padded: the DSN and the SIRO file write `16` for `0016`. */
export const padIdcc = (code: string): string => code.trim().padStart(4, '0')
