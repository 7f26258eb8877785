/**
 * A social worker's Social Work England registration number: "SW" followed by digits (SW12345).
 * The SSDA903 return reports it as the social worker's ID (SWEpisodes SW_ID).
 */
const pattern = /^SW[0-9]{1,8}$/;

/** The number as Hearth stores it: capitals, no spaces ("sw 12345" becomes "SW12345"). */
export function normaliseSweRegistrationNumber(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

export function isSweRegistrationNumber(value: string): boolean {
  return pattern.test(value);
}
