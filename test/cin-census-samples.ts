import type { CinCensusMessage, CinChild } from '../src/domain/returns/cin/message.js';
import { upnCheckLetter } from '../src/domain/returns/cin/upn.js';

/** A well-formed UPN for LA 201 with the given 8-digit serial and the right check letter. */
export function upnFor(serial: number): string {
  const body = `201${String(serial).padStart(8, '0')}0`;
  return `${upnCheckLetter(`A${body}`)}${body}`;
}

/**
 * A realistic return for collection year 2025 (1 April 2024 to 31 March 2025) that passes every
 * rule: a child whose S47 led to a CP plan then a CIN plan before closure; a child with an NFA
 * referral then an open episode on a CIN plan; an unborn child mid-assessment; and a child whose
 * case closed after assessment with no factors (RC8).
 */
export function realisticCinReturn(): CinCensusMessage {
  return {
    header: {
      collection: 'CIN',
      year: '2025',
      referenceDate: '2025-03-31',
      sourceLevel: 'L',
      laCode: '201',
      softwareCode: 'Hearth',
      release: '0.1.0',
      serialNo: '001',
      dateTime: '2025-04-15T09:30:00',
    },
    children: [
      {
        laChildId: 'C1001',
        upn: upnFor(1),
        formerUpn: null,
        upnUnknown: null,
        birthDate: '2015-06-15',
        expectedBirthDate: null,
        sex: 'F',
        deathDate: null,
        ethnicity: 'WBRI',
        disabilities: ['MOB', 'HAND', 'PC', 'INC', 'COMM'],
        episodes: [
          {
            referralDate: '2024-04-08',
            referralSource: '2A',
            primaryNeed: 'N1',
            closureDate: '2025-03-14',
            reasonForClosure: 'RC7',
            initialConferenceDate: null,
            referralNfa: false,
            assessments: [{ startDate: '2024-04-09', internalReviewDate: null, authorisationDate: '2024-05-20', factors: ['16A', '3B'] }],
            cinPlans: [{ startDate: '2024-10-31', endDate: '2025-03-14' }],
            section47s: [
              {
                startDate: '2024-04-10',
                initialConferenceTarget: '2024-05-01',
                initialConferenceDate: '2024-04-30',
                initialConferenceNotRequired: false,
              },
            ],
            cpPlans: [
              {
                startDate: '2024-04-30',
                endDate: '2024-10-31',
                initialCategory: 'NEG',
                latestCategory: 'NEG',
                numberOfPreviousPlans: 0,
                reviewDates: ['2024-07-25'],
              },
            ],
            preProceedings: [],
          },
        ],
      },
      {
        laChildId: 'C1002',
        upn: null,
        formerUpn: null,
        upnUnknown: 'UN3',
        birthDate: '2010-02-15',
        expectedBirthDate: null,
        sex: 'M',
        deathDate: null,
        ethnicity: 'BAFR',
        disabilities: ['LD', 'HEAR', 'VIS', 'AUT'],
        episodes: [
          {
            referralDate: '2024-06-03',
            referralSource: '6',
            primaryNeed: null,
            closureDate: null,
            reasonForClosure: null,
            initialConferenceDate: null,
            referralNfa: true,
            assessments: [],
            cinPlans: [],
            section47s: [],
            cpPlans: [],
            preProceedings: [],
          },
          {
            referralDate: '2024-09-02',
            referralSource: '1A',
            primaryNeed: 'N4',
            closureDate: null,
            reasonForClosure: null,
            initialConferenceDate: null,
            referralNfa: false,
            assessments: [
              { startDate: '2024-09-03', internalReviewDate: '2024-09-24', authorisationDate: '2024-10-15', factors: ['4B', '1B'] },
            ],
            cinPlans: [{ startDate: '2024-10-16', endDate: null }],
            section47s: [
              {
                startDate: '2024-09-04',
                initialConferenceTarget: '2024-09-25',
                initialConferenceDate: null,
                initialConferenceNotRequired: true,
              },
            ],
            cpPlans: [],
            preProceedings: [],
          },
        ],
      },
      {
        laChildId: 'C1003',
        upn: null,
        formerUpn: null,
        upnUnknown: 'UN1',
        birthDate: null,
        expectedBirthDate: '2025-05-20',
        sex: 'U',
        deathDate: null,
        ethnicity: 'NOBT',
        disabilities: ['NONE'],
        episodes: [
          {
            referralDate: '2025-01-13',
            referralSource: '3B',
            primaryNeed: 'N1',
            closureDate: null,
            reasonForClosure: null,
            initialConferenceDate: null,
            referralNfa: false,
            assessments: [{ startDate: '2025-03-03', internalReviewDate: null, authorisationDate: null, factors: [] }],
            cinPlans: [],
            section47s: [],
            cpPlans: [],
            preProceedings: [],
          },
        ],
      },
      {
        laChildId: 'C1004',
        upn: null,
        formerUpn: null,
        upnUnknown: 'UN1',
        birthDate: '2019-11-15',
        expectedBirthDate: null,
        sex: 'M',
        deathDate: null,
        ethnicity: 'MWBC',
        disabilities: ['NONE'],
        episodes: [
          {
            referralDate: '2024-11-04',
            referralSource: '5D',
            primaryNeed: 'N5',
            closureDate: '2024-12-16',
            reasonForClosure: 'RC8',
            initialConferenceDate: null,
            referralNfa: false,
            assessments: [{ startDate: '2024-11-05', internalReviewDate: null, authorisationDate: '2024-12-13', factors: ['21'] }],
            cinPlans: [],
            section47s: [],
            cpPlans: [],
            preProceedings: [],
          },
        ],
      },
    ],
  };
}

/** A return of `count` children for collection year 2025, made from the realistic children with their own IDs and UPNs. */
export function syntheticCinReturn(count: number): CinCensusMessage {
  const templates = realisticCinReturn().children;
  const children: CinChild[] = [];
  for (let i = 0; i < count; i += 1) {
    const child = structuredClone(templates[i % templates.length] as CinChild);
    child.laChildId = `S${String(i + 1).padStart(7, '0')}`;
    if (child.upn !== null) child.upn = upnFor(i + 1);
    children.push(child);
  }
  return { header: realisticCinReturn().header, children };
}
