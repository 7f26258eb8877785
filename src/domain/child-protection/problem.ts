/** Why a step on a child's case cannot be recorded as it stands: the field it is about, and what to do. */
export interface CaseworkProblem {
  field?: string;
  message: string;
}

/** The problems found, or none: a rule's answer. */
export type CaseworkCheck = CaseworkProblem[];
