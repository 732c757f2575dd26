/** Styles of <ganapati-opco-finder>, after the shared ones: adopted stylesheets only, so a strict CSP (`style-src 'self'`) holds. */
import { css } from 'lit'

export const styles = css`
  /* The card's lists (conventions, steps) are grids of rows, without bullets. */
  ol,
  ul {
    display: grid;
    padding: 0;
    list-style: none;
  }

  /* Label, search row and hint, one under the other. */
  form {
    display: grid;
    gap: 0.5rem;
  }

  .search {
    display: flex;
    gap: 0.5rem;
  }

  .combo {
    position: relative;
    flex: 1;
    min-width: 0;
  }

  .popup {
    position: absolute;
    top: calc(100% + 0.25rem);
    inset-inline: 0;
    z-index: 10;
    /* No scroll of its own: the page scrolls to the active option (aria-activedescendant leaves
       the options out of the tab order, and a scroll box nobody can tab into fails axe). */
    padding: 0.25rem;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    box-shadow: var(--_shadow);
  }

  [role='group'] + [role='group'] {
    margin-top: 0.25rem;
    padding-top: 0.25rem;
    border-top: 1px solid var(--_color-border);
  }

  .group-label,
  .section-label {
    color: var(--_color-muted);
    font-size: 0.8125rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }

  .group-label {
    padding: 0.5rem 0.75rem 0.25rem;
    font-size: 0.75rem;
  }

  /* A suggestion, and a company's convention on the card: code, title, OPCO. */
  .option,
  .convention {
    display: grid;
    grid-template-columns: minmax(4.5ch, auto) 1fr auto;
    gap: 0.75rem;
    align-items: baseline;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius-small);
  }

  .option {
    cursor: pointer;
  }

  .option:hover,
  [aria-selected='true'] {
    background: var(--_color-surface-alt);
  }

  /* Styled from aria-selected, so what is seen is what assistive technologies are told. */
  [aria-selected='true'],
  .convention--chosen {
    box-shadow: inset 3px 0 0 var(--_color-primary);
  }

  [aria-selected='true'] {
    outline: 2px solid var(--_color-primary);
    outline-offset: -2px;
  }

  .code {
    color: var(--_color-primary);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .meta {
    color: var(--_color-muted);
    font-size: 0.8125rem;
    white-space: nowrap;
  }

  .outcome {
    display: grid;
    gap: var(--_spacing);
  }

  /* Not :empty, which Lit's whitespace text nodes defeat: only a shown outcome gets a margin. */
  .outcome:has(*) {
    margin-top: calc(var(--_spacing) * 1.25);
  }

  .loading {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    color: var(--_color-muted);
  }

  .spinner {
    width: 1.25rem;
    height: 1.25rem;
    border: 3px solid var(--_color-border);
    border-top-color: var(--_color-primary);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  .notice-text {
    font-weight: 600;
  }

  .card {
    display: grid;
    gap: calc(var(--_spacing) * 1.25);
    padding: calc(var(--_spacing) * 1.25);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    /* A web address in a reason is one long word: it breaks rather than widen a narrow card. */
    overflow-wrap: anywhere;
  }

  .card-header {
    display: grid;
    gap: 0.25rem;
  }

  .opco {
    display: grid;
    gap: 0.5rem;
    padding-top: calc(var(--_spacing) * 1.25);
    border-top: 1px solid var(--_color-border);
  }

  .opco-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }

  .opco-name {
    font-size: 1.5rem;
    font-weight: 750;
    line-height: 1.25;
  }

  .confidence {
    justify-self: start;
    padding: 0.125rem 0.75rem;
    color: var(--_color-success);
    font-size: 0.875rem;
    font-weight: 600;
    background: var(--_color-success-bg);
    border-radius: 99px;
  }

  .confidence--medium {
    color: var(--_color-warning);
    background: var(--_color-warning-bg);
  }

  .confidence--low {
    color: var(--_color-danger);
    background: var(--_color-danger-bg);
  }

  .convention-list {
    gap: 0.375rem;
  }

  .convention {
    grid-template-columns: minmax(4.5ch, auto) 1fr auto auto;
    background: var(--_color-surface-alt);
  }

  .chosen {
    padding: 0 0.5rem;
    color: var(--_color-on-primary);
    font-size: 0.75rem;
    font-weight: 700;
    background: var(--_color-primary);
    border-radius: 99px;
  }

  .steps {
    display: grid;
    gap: 0.75rem;
    padding: calc(var(--_spacing) * 1.25);
    background: var(--_color-surface-alt);
    border-radius: var(--_radius-small);
  }

  .step-list {
    gap: 0.75rem;
    counter-reset: step;
  }

  .step {
    display: grid;
    grid-template-columns: 1.75rem 1fr;
    gap: 0 0.75rem;
    counter-increment: step;
  }

  .step::before {
    content: counter(step);
    grid-row: span 2;
    display: grid;
    place-items: center;
    height: 1.75rem;
    color: var(--_color-on-primary);
    font-size: 0.875rem;
    font-weight: 700;
    background: var(--_color-primary);
    border-radius: 50%;
  }

  .actor {
    font-size: 0.8125rem;
    font-weight: 700;
  }

  .actor--company {
    color: var(--_color-primary);
  }

  .card-footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.25rem;
    align-items: center;
    justify-content: space-between;
  }

  @container (max-width: 34rem) {
    .card,
    .steps {
      padding: var(--_spacing);
    }

    .search {
      flex-direction: column;
    }

    .option,
    .convention {
      grid-template-columns: minmax(4.5ch, auto) 1fr;
    }

    .meta,
    .convention strong {
      grid-column: 2;
    }
  }
`
