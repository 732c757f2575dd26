import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../api/domain/html-text'

describe('escapeHtml', () => {
  it.each([
    ['Zoé <Lefèvre>', 'Zoé &lt;Lefèvre&gt;'],
    ['R&D "Sud" l\'atelier', 'R&amp;D &quot;Sud&quot; l&#39;atelier'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['déjà sûr', 'déjà sûr'],
  ])('%s → %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped)
  })
})
