/** The small measuring and printing helpers every benchmark shares. Importing this runs nothing. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall-clock milliseconds of one call. */
export function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function ms(x: number): string {
  return x < 10 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`;
}

/** One figure: label, value and, when there is one, the target it answers to. */
export function line(label: string, value: string, target = ''): void {
  console.log(`${label.padEnd(48)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}`);
}

/** With node --expose-gc: a clean heap. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
