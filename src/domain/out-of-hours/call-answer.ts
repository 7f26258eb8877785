/** What happened when an out-of-hours call came in. Unanswered and abandoned calls are kept, not lost. */
export const callAnswers = [
  { code: 'answered', label: 'Answered' },
  { code: 'not_answered', label: 'Not answered' },
  { code: 'abandoned', label: 'Abandoned (caller rang off before it was answered)' },
] as const;

export type CallAnswer = (typeof callAnswers)[number]['code'];

export function isCallAnswer(value: string): value is CallAnswer {
  return callAnswers.some((a) => a.code === value);
}

export function callAnswerLabel(code: string): string | undefined {
  return callAnswers.find((a) => a.code === code)?.label;
}
