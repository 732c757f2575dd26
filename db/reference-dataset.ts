/** Name under which the SIRO IDCC→OPCO reference data is recorded in `reference_imports`. */
export const REFERENCE_DATASET = 'siro-idcc-opco'
