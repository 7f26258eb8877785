import type { GeneratorPart } from './authority.js';
import { adoptersPart } from './parts/adopters.js';
import { caseworkPart } from './parts/casework.js';
import { frontDoorPart } from './parts/front-door.js';
import { lookedAfterPart } from './parts/looked-after.js';
import { outOfHoursPart } from './parts/out-of-hours.js';

/**
 * Each feature's part of the synthetic authority, run in this order after the teams, staff,
 * people, episodes and allocations exist, inside the same transaction. A feature adds its part
 * from its own file (src/cli/generate/parts/<area>.ts) with one line here. See docs/benchmarks.md.
 */
export const generatorParts: GeneratorPart[] = [];
// First: the referrals, assessments, plans and closures the other parts build on.
generatorParts.push(caseworkPart);
// After the casework part: the front door links a contact to each referral it wrote.
generatorParts.push(frontDoorPart, outOfHoursPart);
// After the casework part: periods of care, placements, reviews, missing episodes and leaving care for the looked-after episodes.
generatorParts.push(lookedAfterPart);
// Last: prospective adopters, matched with the children the looked-after part placed for adoption and adopted.
generatorParts.push(adoptersPart);
