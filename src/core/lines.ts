/**
 * Lines of a note as Obsidian's editor breaks them: at `\n`, `\r\n` or a lone `\r` (old Mac files). One
 * forward pass with indexOf, so a note of any size is split in linear time.
 */

export class LineCursor {
  /** Where the next `\r` is at or after the last line asked for; -1 when there is none left. */
  private cr = -2;

  constructor(private readonly text: string) {}

  /** The end of the line starting at `start`: the index of its line break, or the text's length. */
  end(start: number): number {
    const text = this.text;
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    if (this.cr !== -1 && this.cr < start) this.cr = text.indexOf('\r', start);
    return this.cr >= 0 && this.cr < nl ? this.cr : nl;
  }

  /** Where the line after the one ending at `end` starts (after `\r\n`, `\n` or `\r`). */
  next(end: number): number {
    const text = this.text;
    if (end >= text.length) return text.length;
    return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
}
