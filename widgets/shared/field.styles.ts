/** Styles of the forms with several fields (the simulator's, the booking's): a module of its own, so the finder does not carry them. */
import { css } from 'lit'

/** A field: label above its control, its message below; a refused control framed in red. */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: 0.375rem;
    align-content: start;
  }

  .input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  .error {
    color: var(--_color-danger);
    font-size: 0.875rem;
    font-weight: 600;
  }
`
