/** One outcome and how often it happens, relative to the others in its list. */
export interface Weighted<T> {
  value: T;
  weight: number;
}

/**
 * The outcome a uniform draw `u` in [0, 1) falls on when the outcomes take up shares of the line
 * in proportion to their weights. Pure, so a seeded generator gives the same outcome every time.
 */
export function pickWeighted<T>(outcomes: readonly Weighted<T>[], u: number): T {
  if (outcomes.length === 0) throw new RangeError('pickWeighted needs at least one outcome');
  if (!(u >= 0 && u < 1)) throw new RangeError('pickWeighted needs a draw in [0, 1)');
  const total = outcomes.reduce((sum, o) => sum + o.weight, 0);
  let point = u * total;
  for (const outcome of outcomes) {
    if (point < outcome.weight) return outcome.value;
    point -= outcome.weight;
  }
  return (outcomes[outcomes.length - 1] as Weighted<T>).value;
}

/** Each outcome's share of the whole (weights need not add up to anything in particular). */
export function sharesOf<T>(outcomes: readonly Weighted<T>[]): Map<T, number> {
  const total = outcomes.reduce((sum, o) => sum + o.weight, 0);
  return new Map(outcomes.map((o) => [o.value, o.weight / total]));
}
