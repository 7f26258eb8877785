/** How an attempt to ring back an unanswered or abandoned caller went. */
export const callbackResults = [
  { code: 'reached', label: 'Spoke to the caller' },
  { code: 'left_message', label: 'Left a message' },
  { code: 'no_answer', label: 'No answer' },
] as const;

export type CallbackResult = (typeof callbackResults)[number]['code'];

export function isCallbackResult(value: string): value is CallbackResult {
  return callbackResults.some((r) => r.code === value);
}

export function callbackResultLabel(code: string): string | undefined {
  return callbackResults.find((r) => r.code === code)?.label;
}
