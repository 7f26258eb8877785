/**
 * What a qualified manager decides about a contact at the front door, within one working day of
 * it arriving. A referral for assessment or a strategy discussion makes the contact a referral: it
 * starts a child-in-need episode.
 */
export const contactDecisions = [
  { code: 'no_further_action', label: 'No further action', startsReferral: false },
  { code: 'information_and_advice', label: 'Information and advice', startsReferral: false },
  { code: 'early_help', label: 'Early help', startsReferral: false },
  { code: 'referral_for_assessment', label: 'Referral for assessment', startsReferral: true },
  { code: 'strategy_discussion', label: 'Strategy discussion', startsReferral: true },
] as const;

export type ContactDecision = (typeof contactDecisions)[number]['code'];

export function isContactDecision(value: string): value is ContactDecision {
  return contactDecisions.some((d) => d.code === value);
}

export function contactDecisionLabel(code: string | null): string | undefined {
  return contactDecisions.find((d) => d.code === code)?.label;
}

/** True when the decision makes the contact a referral to children's social care. */
export function decisionStartsReferral(decision: ContactDecision): boolean {
  return contactDecisions.find((d) => d.code === decision)?.startsReferral === true;
}
