/** JSON bodies of immutable answers, serialised once: reference answers are shared objects, so a WeakMap holds their text. */
const serialised = new WeakMap<object, string>()

export function jsonBody(value: object): string {
  let text = serialised.get(value)
  if (text === undefined) {
    text = JSON.stringify(value)
    serialised.set(value, text)
  }
  return text
}
