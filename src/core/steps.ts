/** Runs a stepwise computation (a generator that yields between steps: brokers, network, model) to its end, at once. */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
