import type { CinRule } from './rule.js';
import { assessmentRules } from './rules/assessments.js';
import { characteristicsRules } from './rules/characteristics.js';
import { childIdentifierRules } from './rules/child-identifiers.js';
import { childProtectionPlanRules } from './rules/child-protection-plans.js';
import { cinPlanRules } from './rules/cin-plans.js';
import { episodeRules } from './rules/episodes.js';
import { headerRules } from './rules/header.js';
import { section47Rules } from './rules/section47.js';

/** Every CIN census validation rule Hearth checks, by DfE rule number, in the order of the message. */
export const CIN_RULES: readonly CinRule[] = [
  ...headerRules,
  ...childIdentifierRules,
  ...characteristicsRules,
  ...episodeRules,
  ...assessmentRules,
  ...cinPlanRules,
  ...section47Rules,
  ...childProtectionPlanRules,
];

/**
 * DfE rules in `validation_rules.json` that Hearth does not check, and why. A test keeps this list
 * and `CIN_RULES` together equal to the DfE list.
 */
export const CIN_RULES_NOT_CHECKED: Readonly<Record<string, string>> = {
  '1530':
    'UPN characters 2-4 must be a recognised LA code: needs the DfE list of LA codes (including those of former authorities still found in UPNs), which is not among the verified sources.',
};

export function cinRulesFor(year: number): CinRule[] {
  return CIN_RULES.filter(
    (rule) => (rule.fromYear === undefined || year >= rule.fromYear) && (rule.toYear === undefined || year <= rule.toYear),
  );
}
