/**
 * How big a synthetic local authority is. `large` is a big city authority over ten years, as the
 * benchmark goals are set for (issue 8): about 200,000 people, 20,000 referrals a year, 250 social
 * workers in 25 teams. `medium` is a fifth of that; `small` is the size of the demo authority.
 */
export const scaleNames = ['small', 'medium', 'large'] as const;

export type ScaleName = (typeof scaleNames)[number];

/** The kinds of case-holding team a child can be allocated to, in the order a child usually meets them. */
export const caseholdingTeamKinds = ['assessment', 'safeguarding', 'children_in_care', 'leaving_care', 'disabled_children'] as const;

export type CaseholdingTeamKind = (typeof caseholdingTeamKinds)[number];

export interface Scale {
  name: ScaleName;
  /** Years of history before today. */
  years: number;
  /** Case-holding teams of each kind. */
  teams: Record<CaseholdingTeamKind, number>;
  /** Social workers in post today, across the case-holding teams. */
  socialWorkers: number;
  /** Children referred a year (each child of a family referral counts once, as in the CIN census). */
  referralsPerYear: number;
}

export const scales: Record<ScaleName, Scale> = {
  small: {
    name: 'small',
    years: 2,
    teams: { assessment: 2, safeguarding: 1, children_in_care: 1, leaving_care: 1, disabled_children: 0 },
    socialWorkers: 10,
    referralsPerYear: 45,
  },
  medium: {
    name: 'medium',
    years: 10,
    teams: { assessment: 1, safeguarding: 2, children_in_care: 1, leaving_care: 1, disabled_children: 0 },
    socialWorkers: 50,
    referralsPerYear: 4_000,
  },
  large: {
    name: 'large',
    years: 10,
    teams: { assessment: 6, safeguarding: 10, children_in_care: 5, leaving_care: 2, disabled_children: 2 },
    socialWorkers: 250,
    referralsPerYear: 20_000,
  },
};

export function isScaleName(value: string): value is ScaleName {
  return (scaleNames as readonly string[]).includes(value);
}

export function caseholdingTeamCount(scale: Scale): number {
  return caseholdingTeamKinds.reduce((sum, kind) => sum + scale.teams[kind], 0);
}
