/** Reason episode ceased (SSDA903 REC). X1: a new episode starts the same day; the E codes end the period of care. */
export const reasonEpisodeCeasedCodes = [
  { code: 'X1', label: 'Episode ends and new episode starts same day (still looked after)' },
  { code: 'E11', label: 'Adopted - application unopposed' },
  { code: 'E12', label: 'Adopted - consent dispensed with by court' },
  { code: 'E2', label: 'Died' },
  { code: 'E3', label: 'Care taken over by another UK local authority' },
  { code: 'E4A', label: 'Returned home to parents/relatives/person with PR - planned as part of care plan' },
  { code: 'E4B', label: 'Returned home to parents/relatives/person with PR - not part of care planning (unplanned)' },
  { code: 'E13', label: 'Left care to live with parents/relatives/others without PR' },
  { code: 'E41', label: 'Residence order / child arrangements order (with whom child lives)' },
  { code: 'E45', label: 'SGO to former foster carer(s) who are relative/friend' },
  { code: 'E46', label: 'SGO to former foster carer(s) not relative/friend' },
  { code: 'E47', label: 'SGO to carer(s) (not former foster carers) who are relative/friend' },
  { code: 'E48', label: 'SGO to carer(s) (not former foster carers) not relative/friend' },
  { code: 'E5', label: 'Moved to independent living with formal support (hostel, foyer, Staying Close etc.)' },
  { code: 'E6', label: 'Moved to independent living without formal support (bedsit, own flat, friends)' },
  { code: 'E7', label: 'Transferred to residential care funded by adult social care' },
  { code: 'E9', label: 'Sentenced to custody' },
  { code: 'E14', label: 'Accommodation on remand ended' },
  { code: 'E15', label: 'Age assessment found child 18+ (and E5/E6/E7 do not apply)' },
  { code: 'E16', label: 'Moved abroad (incl. deportation)' },
  { code: 'E17', label: 'Aged 18+ and remained with current carers (incl. Staying Put)' },
  { code: 'E8', label: "Ceased for any other reason (incl. turned 18 while still missing; never just 'turned 18')" },
] as const;

export type ReasonEpisodeCeasedCode = (typeof reasonEpisodeCeasedCodes)[number]['code'];

export function isReasonEpisodeCeasedCode(value: string): value is ReasonEpisodeCeasedCode {
  return reasonEpisodeCeasedCodes.some((c) => c.code === value);
}

export function reasonEpisodeCeasedLabel(code: string | null): string | undefined {
  return reasonEpisodeCeasedCodes.find((c) => c.code === code)?.label;
}
