/**
 * The stylesheet of the pages the API itself serves (the cancellation page): a file, not inline
 * style, so the pages keep the strict CSP (`style-src 'self'`). Colours and type follow the
 * widgets' default tokens. Pure.
 */
export const PAGE_STYLESHEET_PATH = '/bookings/page.css'

export const PAGE_STYLESHEET = `
:root { color-scheme: light dark; --ink: #0f172a; --muted: #475569; --paper: #f6f5f0;
  --panel: #ffffff; --line: #e2e8f0; --primary: #1d4ed8; --primary-ink: #ffffff; --danger: #b91c1c; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e2e8f0; --muted: #94a3b8; --paper: #0b1120; --panel: #111827; --line: #1f2937;
    --primary: #60a5fa; --primary-ink: #0b1120; --danger: #f87171; }
}
* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0; padding: 2rem 1rem; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 34rem; margin: 0 auto; padding: 1.5rem; background: var(--panel);
  border: 1px solid var(--line); border-radius: 12px; }
@media (max-width: 480px) { body { padding: 0; } main { border: 0; border-radius: 0; } }
h1 { margin: 0 0 1rem; font-size: 1.5rem; line-height: 1.25; }
ul { padding-left: 1.25rem; }
li { margin: 0.25rem 0; }
p { margin: 0.75rem 0; color: var(--muted); }
p:first-of-type { color: var(--ink); }
button { font: inherit; font-weight: 600; padding: 0.75rem 1.25rem; border: 0; border-radius: 8px;
  background: var(--danger); color: #fff; cursor: pointer; width: 100%; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--primary); outline-offset: 2px; }
a { color: var(--primary); }
`
  .trim()
  .replace(/\n\s*/g, ' ')
