import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isIsoDate } from '../../calendar/iso-date.js';
import { isAssessmentFactorCode, isLegacyAssessmentFactorCode } from '../../codes/cin-assessment-factors.js';
import { isCategoryOfAbuseCode } from '../../codes/cin-category-of-abuse.js';
import { isPrimaryNeedCode } from '../../codes/cin-primary-need.js';
import { isReasonForClosureCode } from '../../codes/cin-reason-for-closure.js';
import { isReferralSourceCode } from '../../codes/cin-referral-source.js';
import { isUpnUnknownCode } from '../../codes/cin-upn-unknown.js';
import { isDisabilityCode } from '../../codes/disability.js';
import { isEthnicityCode } from '../../codes/ethnicity.js';
import { isSexValidFor, sexElementFor } from './collection-year.js';
import type {
  ChildProtectionPlan,
  CinAssessment,
  CinCensusMessage,
  CinChild,
  CinEpisode,
  CinHeader,
  CinPlan,
  PreProceedings,
  Section47Enquiry,
} from './message.js';
import type { CinParseProblem, CinParseProblemKind } from './parse-problem.js';
import { childPath, HEADER_PATH, itemPath, MESSAGE_PATH } from './paths.js';

export interface CinParseResult {
  /** Null only when the text is not well-formed XML or has no Message element. */
  message: CinCensusMessage | null;
  problems: CinParseProblem[];
}

/** XML text → structures. Never throws for bad data: every problem is listed with its child and path. */
export function parseCinCensus(xml: string, options: { collectionYear: number }): CinParseResult {
  const problems: CinParseProblem[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    problems.push({
      kind: 'not_well_formed',
      laChildId: null,
      path: '',
      message: `Not well-formed XML at line ${line}, column ${col}: ${msg}`,
    });
    return { message: null, problems };
  }
  const document = xmlParser.parse(xml) as XmlNode;
  const roots = Object.keys(document).filter((key) => key !== 'Message');
  const context: ParseContext = { problems, laChildId: null, year: options.collectionYear };
  for (const root of roots) report(context, 'unknown_element', root, `Unknown element ${root}: the file must contain one Message`);
  const messages = document.Message;
  if (!messages || messages.length === 0 || typeof messages[0] !== 'object') {
    report(context, 'missing_item', MESSAGE_PATH, 'The file has no Message element');
    return { message: null, problems };
  }
  if (messages.length > 1) report(context, 'repeated_element', MESSAGE_PATH, 'Message appears more than once; only the first is read');
  const message = new Reader(messages[0] as XmlNode, MESSAGE_PATH, context);
  const headerReader = message.one('Header');
  const header = headerReader ? readHeader(headerReader, context) : null;
  const childrenReader = message.one('Children', { required: true });
  const children: CinChild[] = [];
  if (childrenReader) {
    childrenReader.many('Child').forEach((child, index) => {
      children.push(readChild(child, index, context));
    });
    if (children.length === 0) report(context, 'missing_item', `${MESSAGE_PATH}/Children/Child`, 'Children has no Child element');
    childrenReader.finish();
  }
  message.finish();
  return { message: { header, children }, problems };
}

type XmlValue = string | XmlNode;
interface XmlNode {
  [element: string]: XmlValue[] | undefined;
}

/** Every element as an array, every value as the text written (no number or boolean guessing). */
const xmlParser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  isArray: () => true,
  textNodeName: '#text',
});

interface ParseContext {
  problems: CinParseProblem[];
  laChildId: string | null;
  year: number;
}

function report(context: ParseContext, kind: CinParseProblemKind, path: string, message: string, reportedByRule?: string): void {
  context.problems.push({ kind, laChildId: context.laChildId, path, message, ...(reportedByRule ? { reportedByRule } : {}) });
}

interface ItemOptions {
  required?: boolean;
  /** The DfE rule that reports this item missing or invalid. */
  rule?: string;
}

/** Reads the children of one element, remembering which were read so the rest can be reported as unknown. */
class Reader {
  private readonly read = new Set<string>();

  constructor(
    private readonly node: XmlNode,
    readonly path: string,
    private readonly context: ParseContext,
  ) {}

  /** The element's own text, for leaf values; undefined when absent (null when empty). */
  private value(element: string, options: ItemOptions): string | null {
    this.read.add(element);
    const values = this.node[element];
    const path = `${this.path}/${element}`;
    if (!values || values.length === 0) {
      if (options.required) report(this.context, 'missing_item', path, `${element} is missing`, options.rule);
      return null;
    }
    if (values.length > 1)
      report(this.context, 'repeated_element', path, `${element} appears ${values.length} times; only the first is read`);
    return this.leafText(values[0], path, element, options);
  }

  private leafText(value: XmlValue | undefined, path: string, element: string, options: ItemOptions): string | null {
    if (typeof value === 'object') {
      report(this.context, 'bad_value', path, `${element} should hold a value, not other elements`);
      return null;
    }
    if (value === undefined || value === '') {
      if (options.required) report(this.context, 'missing_item', path, `${element} is empty`, options.rule);
      return null;
    }
    return value;
  }

  text(element: string, options: ItemOptions = {}): string | null {
    return this.value(element, options);
  }

  date(element: string, options: ItemOptions = {}): string | null {
    const value = this.value(element, options);
    return value === null ? null : this.checkDate(value, `${this.path}/${element}`, element, options.rule);
  }

  private checkDate(value: string, path: string, element: string, rule?: string): string | null {
    if (isIsoDate(value)) return value;
    report(this.context, 'bad_date', path, `${element} "${value}" is not a date in the form YYYY-MM-DD`, rule);
    return null;
  }

  code(element: string, isCode: (value: string) => boolean, options: ItemOptions = {}): string | null {
    const value = this.value(element, options);
    if (value !== null && !isCode(value)) {
      report(this.context, 'unknown_code', `${this.path}/${element}`, `${element} "${value}" is not in the DfE code list`, options.rule);
    }
    return value;
  }

  flag(element: string, options: ItemOptions = {}): boolean | null {
    const value = this.value(element, options);
    if (value === null) return null;
    const flag = FLAG_VALUES.get(value);
    if (flag === undefined) {
      report(this.context, 'bad_value', `${this.path}/${element}`, `${element} "${value}" must be true, false, 1 or 0`, options.rule);
      return null;
    }
    return flag;
  }

  integer(element: string, options: ItemOptions = {}): number | null {
    const value = this.value(element, options);
    if (value === null) return null;
    if (!/^\d+$/.test(value)) {
      report(this.context, 'bad_value', `${this.path}/${element}`, `${element} "${value}" must be a whole number`, options.rule);
      return null;
    }
    return Number(value);
  }

  /** A single complex element (its path has no [n]). */
  one(element: string, options: ItemOptions = {}): Reader | null {
    const readers = this.readers(element, false);
    if (readers.length === 0 && options.required) {
      report(this.context, 'missing_item', `${this.path}/${element}`, `${element} is missing`, options.rule);
    }
    if (readers.length > 1) {
      report(
        this.context,
        'repeated_element',
        `${this.path}/${element}`,
        `${element} appears ${readers.length} times; only the first is read`,
      );
    }
    return readers[0] ?? null;
  }

  /** A repeated complex element; an empty one (`<Assessments/>`) reads as an element with no children. */
  many(element: string): Reader[] {
    return this.readers(element, true);
  }

  private readers(element: string, numbered: boolean): Reader[] {
    this.read.add(element);
    return (this.node[element] ?? []).map((value, index) => {
      const path = numbered ? itemPath(this.path, element, index) : `${this.path}/${element}`;
      if (typeof value === 'string') {
        if (value !== '') report(this.context, 'unexpected_text', path, `${element} should contain elements, not text`);
        return new Reader({}, path, this.context);
      }
      return new Reader(value, path, this.context);
    });
  }

  /** Leaf values of a repeated element inside a wrapper (Disability inside Disabilities). */
  list(element: string, options: ItemOptions = {}): (string | null)[] {
    this.read.add(element);
    const values = this.node[element] ?? [];
    if (values.length === 0 && options.required) {
      report(this.context, 'missing_item', `${this.path}/${element}`, `${element} is missing`, options.rule);
    }
    return values.map((value, index) => this.leafText(value, itemPath(this.path, element, index), element, options));
  }

  codes(element: string, isCode: (value: string) => boolean, rule?: string): string[] {
    const values: string[] = [];
    this.list(element, { required: true, ...(rule ? { rule } : {}) }).forEach((value, index) => {
      if (value === null) return;
      if (!isCode(value)) {
        report(
          this.context,
          'unknown_code',
          itemPath(this.path, element, index),
          `${element} "${value}" is not in the DfE code list`,
          rule,
        );
      }
      values.push(value);
    });
    return values;
  }

  dates(element: string, rule?: string): (string | null)[] {
    return this.list(element, { required: true, ...(rule ? { rule } : {}) }).map((value, index) =>
      value === null ? null : this.checkDate(value, itemPath(this.path, element, index), element, rule),
    );
  }

  /** Reports elements that were never read (not in the schema) and loose text between elements. */
  finish(): void {
    for (const element of Object.keys(this.node)) {
      if (this.read.has(element)) continue;
      if (element === '#text') {
        report(this.context, 'unexpected_text', this.path, 'Text outside any element');
      } else {
        report(this.context, 'unknown_element', `${this.path}/${element}`, `Unknown element ${element}`);
      }
    }
  }
}

const FLAG_VALUES = new Map<string, boolean>([
  ['true', true],
  ['TRUE', true],
  ['1', true],
  ['false', false],
  ['FALSE', false],
  ['0', false],
]);

function readHeader(reader: Reader, context: ParseContext): CinHeader {
  const details = reader.one('CollectionDetails');
  const source = reader.one('Source');
  const header: CinHeader = {
    collection: details?.text('Collection') ?? null,
    year: details?.text('Year') ?? null,
    referenceDate: details?.date('ReferenceDate', { rule: '100' }) ?? null,
    sourceLevel: source?.text('SourceLevel') ?? null,
    laCode: source?.text('LEA', { required: true }) ?? null,
    softwareCode: source?.text('SoftwareCode') ?? null,
    release: source?.text('Release') ?? null,
    serialNo: source?.text('SerialNo') ?? null,
    dateTime: source?.text('DateTime') ?? null,
  };
  if (header.laCode !== null && !/^\d{3}$/.test(header.laCode)) {
    report(context, 'bad_value', `${HEADER_PATH}/Source/LEA`, `LEA "${header.laCode}" must be a 3-digit DfE LA code`);
  }
  details?.finish();
  source?.finish();
  reader.finish();
  return header;
}

function readChild(reader: Reader, index: number, context: ParseContext): CinChild {
  context.laChildId = null;
  const identifiers = reader.one('ChildIdentifiers', { required: true });
  const laChildId = identifiers?.text('LAchildID', { required: true, rule: '8500' }) ?? null;
  context.laChildId = laChildId;
  const child: CinChild = {
    laChildId,
    upn: null,
    formerUpn: null,
    upnUnknown: null,
    birthDate: null,
    expectedBirthDate: null,
    sex: null,
    deathDate: null,
    ethnicity: null,
    disabilities: [],
    episodes: [],
  };
  if (identifiers) {
    child.upn = identifiers.text('UPN');
    child.formerUpn = identifiers.text('FormerUPN');
    if (child.upn !== null && !UPN_PATTERN.test(child.upn)) {
      report(context, 'bad_value', `${identifiers.path}/UPN`, 'UPN must be 13 characters: a letter, 11 digits, then a digit or letter');
    }
    child.upnUnknown = identifiers.code('UPNunknown', isUpnUnknownCode);
    child.birthDate = identifiers.date('PersonBirthDate');
    child.expectedBirthDate = identifiers.date('ExpectedPersonBirthDate');
    child.sex = readSex(identifiers, context);
    child.deathDate = identifiers.date('PersonDeathDate');
    identifiers.finish();
  }
  const characteristics = reader.one('ChildCharacteristics', { required: true });
  if (characteristics) {
    child.ethnicity = characteristics.code('Ethnicity', isEthnicityCode, { required: true, rule: '4220' });
    const disabilities = characteristics.one('Disabilities');
    if (disabilities) {
      child.disabilities = disabilities.codes('Disability', isDisabilityCode, '8540');
      disabilities.finish();
    }
    characteristics.finish();
  }
  const episodes = reader.many('CINdetails');
  if (episodes.length === 0) report(context, 'missing_item', `${childPath(index)}/CINdetails`, 'The child has no CINdetails', '8590');
  child.episodes = episodes.map((episode) => readEpisode(episode));
  reader.finish();
  return child;
}

const UPN_PATTERN = /^[A-Za-z]\d{11}[A-Za-z0-9]$/;

/** GenderCurrent or Sex, whichever the file has; the wrong one for the year is reported. */
function readSex(identifiers: Reader, context: ParseContext): string | null {
  const expected = sexElementFor(context.year);
  const other = expected === 'Sex' ? 'GenderCurrent' : 'Sex';
  const written = identifiers.text(other);
  if (written !== null) {
    report(
      context,
      'wrong_element_for_year',
      `${identifiers.path}/${other}`,
      `${other} is not used in collection year ${context.year}: the element is ${expected}`,
    );
  }
  const value = identifiers.text(expected, { required: written === null, rule: '4180' }) ?? written;
  if (value !== null && !isSexValidFor(context.year, value)) {
    report(
      context,
      'unknown_code',
      `${identifiers.path}/${expected}`,
      `${expected} "${value}" is not valid in collection year ${context.year}`,
      '4180',
    );
  }
  return value;
}

function readEpisode(reader: Reader): CinEpisode {
  const episode: CinEpisode = {
    referralDate: reader.date('CINreferralDate', { required: true, rule: '8600' }),
    referralSource: reader.code('ReferralSource', isReferralSourceCode, { required: true, rule: '8866' }),
    primaryNeed: reader.code('PrimaryNeedCode', isPrimaryNeedCode, { rule: '8650' }),
    closureDate: reader.date('CINclosureDate'),
    reasonForClosure: reader.code('ReasonForClosure', isReasonForClosureCode, { rule: '8640' }),
    initialConferenceDate: reader.date('DateOfInitialCPC'),
    referralNfa: reader.flag('ReferralNFA', { required: true, rule: '8568' }),
    assessments: reader.many('Assessments').map(readAssessment),
    cinPlans: reader.many('CINPlanDates').map(readCinPlan),
    section47s: reader.many('Section47').map(readSection47),
    cpPlans: reader.many('ChildProtectionPlans').map(readCpPlan),
    preProceedings: reader.many('PreProceedingsandFGDM').map(readPreProceedings),
  };
  reader.finish();
  return episode;
}

function readAssessment(reader: Reader): CinAssessment {
  const assessment: CinAssessment = {
    startDate: reader.date('AssessmentActualStartDate', { required: true }),
    internalReviewDate: reader.date('AssessmentInternalReviewDate'),
    authorisationDate: reader.date('AssessmentAuthorisationDate'),
    factors: [],
  };
  const factors = reader.one('FactorsIdentifiedAtAssessment');
  if (factors) {
    assessment.factors = factors.codes('AssessmentFactors', (code) => isAssessmentFactorCode(code) || isLegacyAssessmentFactorCode(code));
    factors.finish();
  }
  reader.finish();
  return assessment;
}

function readCinPlan(reader: Reader): CinPlan {
  const plan: CinPlan = {
    startDate: reader.date('CINPlanStartDate', { required: true, rule: '4010' }),
    endDate: reader.date('CINPlanEndDate'),
  };
  reader.finish();
  return plan;
}

function readSection47(reader: Reader): Section47Enquiry {
  const enquiry: Section47Enquiry = {
    startDate: reader.date('S47ActualStartDate', { required: true, rule: '8615' }),
    initialConferenceTarget: reader.date('InitialCPCtarget'),
    initialConferenceDate: reader.date('DateOfInitialCPC'),
    initialConferenceNotRequired: reader.flag('ICPCnotRequired', { required: true }),
  };
  reader.finish();
  return enquiry;
}

function readCpPlan(reader: Reader): ChildProtectionPlan {
  const plan: ChildProtectionPlan = {
    startDate: reader.date('CPPstartDate', { required: true, rule: '8720' }),
    endDate: reader.date('CPPendDate'),
    initialCategory: reader.code('InitialCategoryOfAbuse', isCategoryOfAbuseCode, { required: true, rule: '8905' }),
    latestCategory: reader.code('LatestCategoryOfAbuse', isCategoryOfAbuseCode, { required: true, rule: '8910' }),
    numberOfPreviousPlans: reader.integer('NumberOfPreviousCPP', { required: true, rule: '8730' }),
    reviewDates: [],
  };
  const reviews = reader.one('Reviews');
  if (reviews) {
    plan.reviewDates = reviews.dates('CPPreviewDate', '8842Q');
    reviews.finish();
  }
  reader.finish();
  return plan;
}

function readPreProceedings(reader: Reader): PreProceedings {
  const preProceedings: PreProceedings = {
    startDate: reader.date('PPStartDate'),
    letterBeforeProceedingsSentDate: reader.date('LBPSentDate'),
    fgdmMeetingOffered: reader.text('FGDMMeetingOffer'),
    fgdmMeetingFacilitated: reader.text('FGDMMeetingFac'),
    initialMeetingDate: reader.date('InitialPPMeetingDate'),
    reviewMeetingsCount: reader.integer('ReviewMeetingsCount'),
    stepDecisionDate: reader.date('StepDecisionDate'),
    outcome: reader.text('PPOutcome'),
    courtApplicationDate: reader.date('CourtAppDate'),
    letterInitialCpDate: reader.date('LetterInitCPDate'),
  };
  reader.finish();
  return preProceedings;
}
