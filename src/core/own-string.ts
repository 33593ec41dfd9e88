/**
 * A copy of a string that does not keep the text it was cut from alive. V8 keeps a slice of a long string as
 * a view into that string, so a link target or a task's text cut from a note would hold the whole note in
 * memory for as long as the index keeps it. What the index keeps from notes that are not people (their
 * text is not otherwise kept) goes through here. Concatenating and slicing again makes V8 copy the characters.
 */
export function ownString(s: string): string {
  return s.length === 0 ? s : (' ' + s).slice(1);
}
