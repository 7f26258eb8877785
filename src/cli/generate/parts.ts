import type { GeneratorPart } from './authority.js';

/**
 * Each feature's part of the synthetic authority, run in this order after the teams, staff,
 * people, episodes and allocations exist, inside the same transaction. A feature adds its part
 * from its own file (src/cli/generate/parts/<area>.ts) with one line here. See docs/benchmarks.md.
 */
export const generatorParts: GeneratorPart[] = [];
