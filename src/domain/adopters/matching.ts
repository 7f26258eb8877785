import type { IsoDate } from '../calendar/iso-date.js';
import type { AdopterJourney } from './journey.js';

export interface MatchProblem {
  field: 'matchedOn' | 'placedOn' | 'child';
  message: string;
}

/**
 * What is wrong with matching a child with a household: adopters are matched only once approved,
 * and only with a child the authority decided should be placed for adoption (on or before the
 * match; SSDA903 rules 333/334); and the dates of the match and of the child moving in.
 */
export function matchProblems(
  journey: AdopterJourney,
  fosteringForAdoption: boolean,
  match: { matchedOn: IsoDate; placedOn: IsoDate | null },
  child: { placementDecidedOn: IsoDate | null },
  today: IsoDate,
): MatchProblem[] {
  const problems: MatchProblem[] = [];
  if (journey.approved === null) problems.push({ field: 'matchedOn', message: 'Record the approval before matching a child' });
  else if (match.matchedOn < journey.approved)
    problems.push({ field: 'matchedOn', message: 'The match cannot be before the household was approved' });
  if (child.placementDecidedOn === null)
    problems.push({ field: 'child', message: 'There is no decision that this child should be placed for adoption on their record' });
  else if (match.matchedOn < child.placementDecidedOn)
    problems.push({ field: 'matchedOn', message: 'The match cannot be before the decision that the child should be placed for adoption' });
  problems.push(...placementProblems(journey, fosteringForAdoption, match, today));
  return problems;
}

/**
 * What is wrong with the dates of a match and of the child moving in: nothing in the future or
 * after the household left; the child moves in on or after the match, except under fostering for
 * adoption, where the child lives with the household as foster carers first.
 */
export function placementProblems(
  journey: AdopterJourney,
  fosteringForAdoption: boolean,
  match: { matchedOn: IsoDate; placedOn: IsoDate | null },
  today: IsoDate,
): MatchProblem[] {
  const problems: MatchProblem[] = [];
  for (const [field, on] of [
    ['matchedOn', match.matchedOn],
    ['placedOn', match.placedOn],
  ] as const) {
    if (on === null) continue;
    if (on > today) problems.push({ field, message: 'The date cannot be in the future' });
    else if (journey.leftOn !== null && on > journey.leftOn)
      problems.push({ field, message: 'The date cannot be after the household left the adoption process' });
  }
  if (match.placedOn !== null && match.placedOn < match.matchedOn && !fosteringForAdoption)
    problems.push({
      field: 'placedOn',
      message: 'The child cannot move in before the match, unless the household is fostering for adoption',
    });
  return problems;
}
