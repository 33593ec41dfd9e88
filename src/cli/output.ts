/**
 * Where the command line's words go. Results go to stdout; a closed pipe (`ties review | head -1`) just ends
 * them, quietly and with the command's own exit code. Any other failure, a write that fails included, is one
 * line on stderr and exit 3, never a stack trace.
 */
import { safe } from './escape';
import { fsReason } from './fs-reason';

let closed = false;

/** `ties: MESSAGE` (its first line, escaped) on stderr, and exit 3 at once. */
export function failAndExit(message: string): never {
  process.stderr.write(`ties: ${safe(message.split('\n')[0]!)}\n`);
  process.exit(3);
}

/** What an unexpected error says in one line: its message, without the stack. */
export function errorLine(e: unknown): string {
  if (e instanceof Error) return `${e.name === 'Error' ? '' : e.name + ': '}${e.message}`;
  return String(e);
}

/** Installs the handlers; call once, before anything is written. */
export function guardOutput(): void {
  process.stdout.on('error', (e: Error & { code?: string }) => {
    // After EPIPE the stream is destroyed and later writes fail too: they are the same closed pipe.
    if (e.code === 'EPIPE' || closed) {
      closed = true;
      return;
    }
    failAndExit(`cannot write the output (${fsReason(e)})`);
  });
  // Nowhere left to tell: stderr is gone too.
  process.stderr.on('error', () => undefined);
  process.on('uncaughtException', (e) => failAndExit(errorLine(e)));
  process.on('unhandledRejection', (e) => failAndExit(errorLine(e)));
}

export function print(text: string): void {
  if (!closed) process.stdout.write(text);
}
