/** Styles of <ganapati-booking-link>, after the shared ones: adopted stylesheets only, so a strict CSP (`style-src 'self'`) holds. */
import { css } from 'lit'

export const styles = css`
  .base,
  .body,
  .form,
  .confirmation {
    display: grid;
    gap: var(--_spacing);
    align-content: start;
  }

  /* Link mode is a call to action: no panel around the button. */
  .base--link {
    justify-items: start;
    padding: 0;
    background: none;
    border: 0;
    box-shadow: none;
  }

  .step {
    font-size: 1rem;
  }

  .title:focus,
  .step:focus,
  .notice:focus,
  .confirmation-title:focus {
    outline: none;
  }

  .days,
  .slots {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr));
    gap: 0.5rem;
  }

  /* A compact week strip: five days to a row on a 320 px screen, seven on a wide one. */
  .days {
    grid-template-columns: repeat(auto-fill, minmax(3rem, 1fr));
    gap: 0.375rem;
  }

  .days .choice {
    padding: 0.375rem 0.25rem;
    text-align: center;
  }

  .day {
    display: grid;
    line-height: 1.2;
  }

  .choice {
    display: grid;
    gap: 0.125rem;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    color: inherit;
    font: inherit;
    text-align: start;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    cursor: pointer;
  }

  .choice:hover {
    border-color: var(--_color-primary);
  }

  /* Styled from aria-pressed, so what is seen is what assistive technologies are told. */
  .choice[aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
    border-color: var(--_color-primary);
  }

  .choice-main {
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }

  .choice-aside {
    font-size: 0.8125rem;
  }

  .pager,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }

  .form {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    padding-top: var(--_spacing);
    border-top: 1px solid var(--_color-border);
  }

  .form > :not(.field),
  .field--wide {
    grid-column: 1 / -1;
  }

  .form > .button {
    justify-self: start;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }

  .radio {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
  }

  .privacy {
    font-size: 0.875rem;
  }

  .call {
    font-weight: 650;
  }

  textarea.input {
    resize: vertical;
  }

  /* A notice in look, a block of lines in layout. */
  .summary {
    display: block;
    font-size: 0.9375rem;
  }

  .summary-title {
    font-weight: 600;
  }

  .summary ul {
    padding-left: 1.25rem;
    overflow-wrap: anywhere;
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  .button--danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
  }

  .confirmation {
    padding: var(--_spacing);
    background: var(--_color-success-bg);
    border-left: 4px solid var(--_color-success);
    border-radius: var(--_radius-small);
  }

  .confirmation-title {
    color: var(--_color-success);
    font-size: 1.125rem;
  }

  .confirmation--cancelled {
    background: var(--_color-surface-alt);
    border-left-color: var(--_color-muted);
  }

  .confirmation--cancelled .confirmation-title {
    color: inherit;
  }
`
