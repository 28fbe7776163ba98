/** At most this many characters of the user's input go back in a message. */
export const EXCERPT_CHARS = 40;

/** A short excerpt of user input for an error message: a huge cell must not make a huge answer. */
export function excerpt(value: string, max = EXCERPT_CHARS): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** A list of names for a message, cut to a few and marked when there were more. */
export function excerptList(values: string[], maxItems = 10): string {
  const shown = values.slice(0, maxItems).map((v) => excerpt(v)).join(', ');
  return values.length > maxItems ? `${shown} (+${values.length - maxItems})` : shown;
}
