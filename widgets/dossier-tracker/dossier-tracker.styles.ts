/** Styles of <ganapati-dossier-tracker>, after the shared ones: adopted stylesheets only, so a strict CSP (`style-src 'self'`) holds. */
import { css } from 'lit'

export const styles = css`
  .base,
  .form,
  .search,
  section {
    display: grid;
    gap: var(--_spacing);
    align-content: start;
  }

  .base {
    overflow-wrap: anywhere;
  }

  h3,
  h4 {
    margin: 0;
    font-size: 1rem;
  }

  .title:focus,
  h3:focus,
  h4:focus,
  .notice:focus {
    outline: none;
  }

  .head,
  .account,
  .buttons,
  .filters,
  .search-row,
  .pager,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .head {
    justify-content: space-between;
  }

  .search-row .input {
    flex: 1 1 10rem;
    width: auto;
  }

  .filter[aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }

  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--_spacing);
  }

  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 600;
  }

  .check input {
    width: 1.25rem;
    height: 1.25rem;
  }

  .new,
  [part~='back'] {
    justify-self: start;
  }

  .cards,
  .milestones {
    display: grid;
    gap: 0.75rem;
    padding: 0;
    list-style: none;
  }

  .card {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }

  /* Late: a thick edge and the « En retard » tag, not the colour alone. */
  .card {
    cursor: pointer;
  }

  .card--late {
    border-left: 6px solid var(--_color-warning);
  }

  .open {
    padding: 0;
    color: var(--_color-primary);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    background: none;
    border: 0;
    cursor: pointer;
  }

  .tag {
    padding: 0.125rem 0.5rem;
    font-size: 0.875rem;
    font-weight: 600;
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
  }

  .tag--late {
    color: var(--_color-warning);
    background: var(--_color-warning-bg);
    border-color: var(--_color-warning);
  }

  .next,
  .milestone-label {
    font-weight: 600;
  }

  .banner--late,
  .notice--warning {
    background: var(--_color-warning-bg);
    border-left-color: var(--_color-warning);
  }

  /* A parcel tracker: a line down the left, a filled dot per step done, a ring for the current one. */
  .milestones {
    gap: 0;
  }

  .milestone {
    position: relative;
    display: grid;
    padding: 0 0 1rem 2rem;
  }

  .milestone::before {
    position: absolute;
    top: 0.2rem;
    left: 0;
    box-sizing: border-box;
    width: 1.25rem;
    height: 1.25rem;
    background: var(--_color-surface);
    border: 2px solid var(--_color-border);
    border-radius: 50%;
    content: '';
  }

  .milestone:not(:last-child)::after {
    position: absolute;
    top: 1.45rem;
    bottom: 0;
    left: calc(0.625rem - 1px);
    width: 2px;
    background: var(--_color-border);
    content: '';
  }

  .milestone--done::before {
    background: var(--_color-success);
    border-color: var(--_color-success);
  }

  /* The tick is text in the markup (aria-hidden): esbuild would write it as a CSS escape, which a
     tagged template cannot cook. */
  .tick {
    position: absolute;
    top: 0.2rem;
    left: 0;
    width: 1.25rem;
    color: var(--_color-success-bg);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.25rem;
    text-align: center;
  }

  .milestone--current::before {
    border: 5px solid var(--_color-primary);
  }

  .milestone--current .milestone-label {
    color: var(--_color-primary);
  }

  .milestone--upcoming {
    color: var(--_color-muted);
  }

  .milestone--upcoming::before {
    border-style: dashed;
  }

  .milestone-note {
    font-style: italic;
  }
`
