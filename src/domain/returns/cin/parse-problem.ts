/** Something in a CIN census file that does not fit the DfE schema. */
export type CinParseProblemKind =
  | 'not_well_formed'
  | 'unknown_element'
  | 'unexpected_text'
  | 'repeated_element'
  | 'missing_item'
  | 'bad_date'
  | 'bad_value'
  | 'unknown_code'
  | 'wrong_element_for_year';

export interface CinParseProblem {
  kind: CinParseProblemKind;
  /** The child's LAchildID when it is known (null in the header or before it is read). */
  laChildId: string | null;
  /** Element path, e.g. `Message/Children/Child[2]/CINdetails[1]/ReferralSource`. */
  path: string;
  message: string;
  /**
   * The DfE validation rule that reports the same problem (a missing LAchildID is rule 8500, an
   * unknown ethnicity code 4220), so a validation report can show it once, under the DfE number.
   */
  reportedByRule?: string;
}
