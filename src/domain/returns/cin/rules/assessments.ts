import type { CinAssessment } from '../message.js';
import type { CinChildRule } from '../rule.js';
import { assessmentsOf, episodesOf, isAfter, isBefore, isOutsidePeriod } from './walk.js';

/** Working days within which an assessment should be completed (Working Together 2023). */
const ASSESSMENT_WORKING_DAYS = 45;

const isOpen = (assessment: CinAssessment) => assessment.authorisationDate === null;

export const assessmentRules: readonly CinChildRule[] = [
  {
    code: '1103',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'Assessment start date is before the referral date',
    *check(child, path) {
      for (const { item, path: at, episode } of assessmentsOf(child, path)) {
        if (isBefore(item.startDate, episode.referralDate)) yield { path: `${at}/AssessmentActualStartDate` };
      }
    },
  },
  {
    code: '8608',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'Assessment start date is after its authorisation date',
    *check(child, path) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (isAfter(item.startDate, item.authorisationDate)) yield { path: `${at}/AssessmentActualStartDate` };
      }
    },
  },
  {
    code: '8696',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'Assessment authorisation (completion) date is outside the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (isOutsidePeriod(item.authorisationDate, period)) yield { path: `${at}/AssessmentAuthorisationDate` };
      }
    },
  },
  {
    code: '8736',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'An assessment that is not completed must have started within the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (isOpen(item) && isOutsidePeriod(item.startDate, period)) yield { path: `${at}/AssessmentActualStartDate` };
      }
    },
  },
  {
    code: '8670Q',
    severity: 'query',
    module: 'Assessments',
    scope: 'child',
    message: `Assessment started more than ${ASSESSMENT_WORKING_DAYS} working days before the end of the census year and is not completed`,
    *check(child, path, { period, dueAfterWorkingDays }) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (!isOpen(item) || item.startDate === null || item.startDate > period.referenceDate) continue;
        const due = dueAfterWorkingDays(item.startDate, ASSESSMENT_WORKING_DAYS);
        if (due < period.referenceDate)
          yield {
            path: `${at}/AssessmentAuthorisationDate`,
            message: `Assessment is not completed and was due by ${due}, before the end of the census year`,
          };
      }
    },
  },
  {
    code: '8863Q',
    severity: 'query',
    module: 'Assessments',
    scope: 'child',
    message: 'A new assessment started while another was still open',
    *check(child, path) {
      for (const { item, path: at, episode } of assessmentsOf(child, path)) {
        const start = item.startDate;
        if (start === null) continue;
        const overlapped = episode.assessments.some(
          (other) =>
            other !== item &&
            other.startDate !== null &&
            other.startDate < start &&
            (other.authorisationDate === null || other.authorisationDate > start),
        );
        if (overlapped) yield { path: `${at}/AssessmentActualStartDate` };
      }
    },
  },
  {
    code: '8896',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'More than one assessment in the episode is not completed',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) if (item.assessments.filter(isOpen).length > 1) yield { path: at };
    },
  },
  {
    code: '8867',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'The episode is closed but an assessment is not completed',
    *check(child, path) {
      for (const { item, path: at, episode } of assessmentsOf(child, path)) {
        if (episode.closureDate !== null && isOpen(item)) yield { path: `${at}/AssessmentAuthorisationDate` };
      }
    },
  },
  {
    code: '8614',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'Factors are recorded on an assessment that is not completed (no authorisation date)',
    *check(child, path) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (isOpen(item) && item.factors.length > 0) yield { path: `${at}/FactorsIdentifiedAtAssessment` };
      }
    },
  },
  {
    code: '8897Q',
    severity: 'query',
    module: 'Assessments',
    scope: 'child',
    message: 'A completed assessment has no factors recorded',
    *check(child, path) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (!isOpen(item) && item.factors.length === 0) yield { path: `${at}/FactorsIdentifiedAtAssessment` };
      }
    },
  },
  {
    code: '8898',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'The same assessment factor is recorded twice',
    *check(child, path) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (new Set(item.factors).size < item.factors.length) yield { path: `${at}/FactorsIdentifiedAtAssessment` };
      }
    },
  },
  {
    code: '8869',
    severity: 'error',
    module: 'Assessments',
    scope: 'child',
    message: 'Factor 21 (no factors identified) is recorded with other factors',
    *check(child, path) {
      for (const { item, path: at } of assessmentsOf(child, path)) {
        if (item.factors.includes('21') && item.factors.length > 1) yield { path: `${at}/FactorsIdentifiedAtAssessment` };
      }
    },
  },
  {
    code: '8945Q',
    severity: 'query',
    module: 'Assessments',
    scope: 'child',
    message: 'Factor 18A is no longer used: record physical abuse as 18B (child on child) or 18C (adult on child)',
    fromYear: 2025,
    *check(child, path) {
      for (const { item, path: at } of assessmentsOf(child, path))
        if (item.factors.includes('18A')) yield { path: `${at}/FactorsIdentifiedAtAssessment` };
    },
  },
  {
    code: '8950Q',
    severity: 'query',
    module: 'Assessments',
    scope: 'child',
    message: 'Factor 19A is no longer used: record sexual abuse as 19B (child on child) or 19C (adult on child)',
    fromYear: 2025,
    *check(child, path) {
      for (const { item, path: at } of assessmentsOf(child, path))
        if (item.factors.includes('19A')) yield { path: `${at}/FactorsIdentifiedAtAssessment` };
    },
  },
];
