import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../../db/csv'

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and CRLF line ends', () => {
    const text =
      'idcc,libelle\r\n0029,"Hospitalisation privée, FEHAP ""1951"""\r\n0016,Transports\r\n'
    expect(parseCsv(text)).toEqual([
      { idcc: '0029', libelle: 'Hospitalisation privée, FEHAP "1951"' },
      { idcc: '0016', libelle: 'Transports' },
    ])
  })

  it('reads a pipe-separated file and ignores a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa|b\n1|2\n\n', '|')).toEqual([{ a: '1', b: '2' }])
  })

  it('round-trips what toCsv writes', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x, y', 'say "hi"'],
        [1, 'line\nbreak'],
      ],
    )
    expect(parseCsv(text)).toEqual([
      { a: 'x, y', b: 'say "hi"' },
      { a: '1', b: 'line\nbreak' },
    ])
  })
})
