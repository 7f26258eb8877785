import { base, en, en_GB, Faker } from '@faker-js/faker';
import { pickWeighted, type Weighted } from '../../domain/synthetic/weighted-choice.js';

/**
 * Seeded randomness for the generator: every value comes from a Faker seeded from the authority's
 * seed and the name of the part drawing it, so a part's output depends on nothing but the seed
 * (adding or changing another part changes nothing here). Never Math.random() or the clock.
 */
export class Draw {
  readonly faker: Faker;

  constructor(seed: number, stream: string) {
    this.faker = new Faker({ locale: [en_GB, en, base] });
    this.faker.seed(streamSeed(seed, stream));
  }

  /** Uniform in [0, 1). */
  unit(): number {
    return this.faker.number.float();
  }

  /** A whole number from `from` to `to`, both included. */
  int(from: number, to: number): number {
    return from + Math.floor(this.unit() * (to - from + 1));
  }

  chance(probability: number): boolean {
    return this.unit() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Nothing to pick from');
    return items[Math.floor(this.unit() * items.length)] as T;
  }

  weighted<T>(outcomes: readonly Weighted<T>[]): T {
    return pickWeighted(outcomes, this.unit());
  }

  /** Exponentially distributed, with this mean (waiting times, lengths of service). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.unit());
  }

  /** How many events happen in a period where `mean` are expected (Poisson; normal approximation above 30). */
  poisson(mean: number): number {
    if (mean > 30) {
      const normal = Math.sqrt(-2 * Math.log(1 - this.unit())) * Math.cos(2 * Math.PI * this.unit());
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
    }
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.unit(); product > limit; product *= this.unit()) count++;
    return count;
  }

  /** A record id: a UUID drawn from the seed, so two runs give identical rows. */
  id(): string {
    return this.faker.string.uuid();
  }
}

/** FNV-1a over the seed and stream name: a stable 32-bit seed per stream. */
function streamSeed(seed: number, stream: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${stream}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
