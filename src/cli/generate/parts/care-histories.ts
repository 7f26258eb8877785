import type { Insertable } from 'kysely';
import type {
  AdoptionDecisionsTable,
  AdoptionsTable,
  CareEpisodesTable,
  CareProceedingsTable,
  IsoDate,
  LegalStatusesTable,
  PeriodsOfCareTable,
  PlacementsTable,
  PreProceedingsTable,
  UascStatusesTable,
} from '../../../db/schema.js';
import { addYears, ageOn } from '../../../domain/calendar/index.js';
import { primaryNeedLabel } from '../../../domain/codes/cin-primary-need.js';
import { legalStatusLabel } from '../../../domain/codes/ssda903-legal-status.js';
import { placementTypeLabel } from '../../../domain/codes/ssda903-placement-type.js';
import { reasonEpisodeCeasedLabel } from '../../../domain/codes/ssda903-reason-episode-ceased.js';
import { reasonPlacementChangeLabel } from '../../../domain/codes/ssda903-reason-placement-change.js';
import type { CareHistory, PeriodOfCare, PlacementSpell } from '../../../domain/looked-after/care-history.js';
import { checkCareHistory } from '../../../domain/looked-after/care-history-checks.js';
import { deriveEpisodes } from '../../../domain/looked-after/episodes.js';
import { eligibleChildFrom } from '../../../domain/looked-after/leaving-care.js';
import { type CareJourney, planCareJourney } from '../../../domain/synthetic/care-journeys.js';
import { adopters, uascShareOfEntriesAged15To17 } from '../../../domain/synthetic/looked-after.js';
import { finalOrders } from '../../../features/care-proceedings/service.js';
import type { SyntheticAuthority, SyntheticChild, SyntheticEpisode } from '../authority.js';
import type { Draw } from '../draw.js';
import { officeHoursOn } from '../instants.js';
import { type ChildRecords, caseHolder, postcodeIn } from './child-records.js';

/** One period of care of a child, with the episode it belongs to and the journey planned for it. */
export interface CareStay {
  child: SyntheticChild & { dateOfBirth: IsoDate };
  episode: SyntheticEpisode;
  journey: CareJourney;
  period: PeriodOfCare;
  uasc: boolean;
}

/** What the care histories part has built: each child's periods of care, and the rows to write. */
export interface CareHistories {
  stays: CareStay[];
  /** The day each child became an eligible child for leaving care, if they did by today. */
  eligibleFrom: Map<string, IsoDate>;
  rows: {
    periods: Insertable<PeriodsOfCareTable>[];
    legalStatuses: Insertable<LegalStatusesTable>[];
    placements: Insertable<PlacementsTable>[];
    episodes: Insertable<CareEpisodesTable>[];
    preProceedings: Insertable<PreProceedingsTable>[];
    careProceedings: Insertable<CareProceedingsTable>[];
    adoptionDecisions: Insertable<AdoptionDecisionsTable>[];
    adoptions: Insertable<AdoptionsTable>[];
    uasc: Insertable<UascStatusesTable>[];
  };
  uascChildren: string[];
}

/** Postcode areas the synthetic authority's families live in, and a few placements farther away. */
export const homeAreas = ['LS', 'BD', 'WF'] as const;
const distantAreas = ['M', 'S', 'HX', 'HD', 'YO', 'HG', 'DN', 'B', 'NG', 'L'] as const;
const courts = ['Family Court at Leeds', 'Family Court at Bradford', 'Family Court at Wakefield'];

const placementWords = (p: Pick<PlacementSpell, 'placementType' | 'carerName'>) =>
  `${placementTypeLabel(p.placementType) ?? p.placementType} (${p.placementType})${p.carerName ? `, with ${p.carerName}` : ''}`;
const finalOrderLabel = (code: string) => finalOrders.find((o) => o.code === code)?.label ?? code;

/** The looked-after stay of an episode: the children in care team's time, from birth at the earliest. */
function careStayOf(episode: SyntheticEpisode, child: SyntheticChild) {
  const stay = episode.stays.find((s) => s.kind === 'children_in_care');
  if (!stay || !child.dateOfBirth) return null;
  const startedOn = [stay.startedOn, child.dateOfBirth].sort()[1] as IsoDate;
  if (stay.endedOn !== null && stay.endedOn <= startedOn) return null;
  if (startedOn >= addYears(child.dateOfBirth, 18)) return null;
  return { startedOn, endedOn: stay.endedOn, endsAt18: stay.endedOn === addYears(child.dateOfBirth, 18) };
}

/**
 * Plans every looked-after episode's period of care (domain/synthetic/care-journeys) and gives
 * each placement its carer, postcode and URN; then, child by child, the rows the looked-after,
 * court and SSDA903 services write for the same facts: periods, legal statuses, placements, the
 * SSDA903 episodes derived from them by `deriveEpisodes` (the derivation the looked-after service
 * uses), pre-proceedings and care proceedings, adoption decisions and adoptions, UASC statuses,
 * with their chronology entries and case events.
 */
export function buildCareHistories(authority: SyntheticAuthority, draw: Draw, records: ChildRecords): CareHistories {
  const holder = caseHolder(authority);
  const childOf = new Map(authority.children.map((c) => [c.id, c]));
  const stays: CareStay[] = [];
  const rows: CareHistories['rows'] = {
    periods: [],
    legalStatuses: [],
    placements: [],
    episodes: [],
    preProceedings: [],
    careProceedings: [],
    adoptionDecisions: [],
    adoptions: [],
    uasc: [],
  };
  const uascChildren: string[] = [];
  const eligibleFrom = new Map<string, IsoDate>();
  const localAgency = `SC${draw.int(100000, 999999)}`;

  const byChild = new Map<string, SyntheticEpisode[]>();
  for (const episode of authority.episodes)
    if (episode.pathway === 'looked_after') byChild.set(episode.personId, [...(byChild.get(episode.personId) ?? []), episode]);

  for (const [personId, episodes] of byChild) {
    const child = childOf.get(personId);
    if (!child?.dateOfBirth) continue;
    const born = { ...child, dateOfBirth: child.dateOfBirth };
    const childStays: CareStay[] = [];
    for (const episode of episodes) {
      const stay = careStayOf(episode, child);
      if (!stay) continue;
      const journey = planCareJourney(draw, {
        dateOfBirth: born.dateOfBirth,
        referredOn: episode.referredOn,
        startedOn: stay.startedOn,
        endedOn: stay.endedOn,
        endsAt18: stay.endsAt18,
        today: authority.today,
      });
      describePlacements(draw, journey, localAgency);
      const period = { ...(journey.history.periods[0] as PeriodOfCare), homePostcode: postcodeIn(draw, homeAreas) };
      const uasc =
        journey.route === 'section_20' &&
        ageOn(born.dateOfBirth, stay.startedOn) >= 15 &&
        !childStays.some((s) => s.uasc) &&
        draw.chance(uascShareOfEntriesAged15To17);
      childStays.push({ child: born, episode, journey: { ...journey, history: { ...journey.history, periods: [period] } }, period, uasc });
    }
    if (childStays.length === 0) continue;
    const history: CareHistory = {
      dateOfBirth: born.dateOfBirth,
      periods: childStays.map((s) => s.period),
      legalStatuses: childStays.flatMap((s) => s.journey.history.legalStatuses),
      placements: childStays.flatMap((s) => s.journey.history.placements),
    };
    const problems = checkCareHistory(history);
    if (problems.length > 0)
      throw new Error(`The generator planned a care history Hearth would refuse: ${problems.map((p) => p.message).join('; ')}`);

    for (const stay of childStays) writeStay(stay);
    rows.episodes.push(
      ...deriveEpisodes(history).map((e) => ({
        id: draw.id(),
        person_id: personId,
        period_of_care_id: e.periodOfCareId,
        legal_status_id: e.legalStatusId,
        placement_id: e.placementId,
        started_on: e.startedOn,
        reason_new_episode: e.reasonNewEpisode,
        legal_status: e.legalStatus,
        category_of_need: e.categoryOfNeed,
        placement_type: e.placementType,
        provider: e.provider,
        ended_on: e.endedOn,
        reason_ceased: e.reasonCeased,
        reason_placement_change: e.reasonPlacementChange,
        home_postcode: e.homePostcode,
        placement_postcode: e.placementPostcode,
        urn: e.urn,
      })),
    );
    const eligible = eligibleChildFrom(born.dateOfBirth, history.periods);
    if (eligible) {
      records.event(personId, {
        kind: 'became_eligible_child',
        occurredOn: eligible,
        source: { type: 'leaving_care_eligibility', id: personId },
      });
      if (eligible <= authority.today) eligibleFrom.set(personId, eligible);
    }
    stays.push(...childStays);
  }
  return { stays, eligibleFrom, rows, uascChildren };

  function writeStay(stay: CareStay): void {
    const { child, episode, journey, period } = stay;
    const personId = child.id;
    const by = (date: IsoDate) => holder(episode, date);
    const recorded = (date: IsoDate) => ({ recorded_by: by(date), recorded_at: officeHoursOn(date, draw) });
    const statuses = journey.history.legalStatuses;
    const placements = journey.history.placements;
    rows.periods.push({
      id: period.id,
      person_id: personId,
      started_on: period.startedOn,
      ended_on: period.endedOn,
      reason_ceased: period.reasonCeased,
      category_of_need: period.categoryOfNeed,
      home_postcode: period.homePostcode,
      ...recorded(period.startedOn),
    });
    for (const s of statuses)
      rows.legalStatuses.push({
        id: s.id,
        person_id: personId,
        period_of_care_id: period.id,
        legal_status: s.legalStatus,
        started_on: s.startedOn,
        ended_on: s.endedOn,
        ...recorded(s.startedOn),
      });
    for (const p of placements)
      rows.placements.push({
        id: p.id,
        person_id: personId,
        period_of_care_id: period.id,
        placement_type: p.placementType,
        provider: p.provider,
        postcode: p.postcode,
        urn: p.urn,
        carer_name: p.carerName,
        started_on: p.startedOn,
        ended_on: p.endedOn,
        reason_for_change: p.reasonForChange,
        ...recorded(p.startedOn),
      });

    // Court work before and during care (features/care-proceedings).
    let preId: string | null = null;
    if (journey.preProceedings) {
      const pre = journey.preProceedings;
      preId = draw.id();
      rows.preProceedings.push({
        id: preId,
        person_id: personId,
        legal_gateway_on: pre.gatewayOn,
        legal_gateway_outcome: 'B',
        started_on: pre.startedOn,
        ended_on: pre.endedOn,
        end_reason: pre.endedOn ? 'proceedings_issued' : null,
        ...recorded(pre.startedOn),
      });
      records.entry(personId, by(pre.startedOn), {
        kind: 'court',
        occurredOn: pre.startedOn,
        summary: 'Pre-proceedings (Public Law Outline) started.',
        source: { type: 'pre_proceedings', id: preId },
      });
      records.event(personId, {
        kind: 'pre_proceedings_started',
        occurredOn: pre.startedOn,
        ref: preId,
        source: { type: 'pre_proceedings', id: preId },
      });
    }
    if (journey.proceedings) {
      const court = journey.proceedings;
      const id = draw.id();
      const courtName = draw.pick(courts);
      rows.careProceedings.push({
        id,
        person_id: personId,
        issued_on: court.issuedOn,
        court: courtName,
        court_case_number: `LS${court.issuedOn.slice(2, 4)}C${String(draw.int(1, 99999)).padStart(5, '0')}`,
        final_hearing_on: court.concludedOn,
        concluded_on: court.concludedOn,
        final_order: court.finalOrder,
        ...recorded(court.issuedOn),
      });
      records.entry(personId, by(court.issuedOn), {
        kind: 'court',
        occurredOn: court.issuedOn,
        summary: `Care proceedings issued at ${courtName}.`,
        source: { type: 'care_proceedings', id },
      });
      if (preId)
        records.event(personId, {
          kind: 'pre_proceedings_ended',
          occurredOn: court.issuedOn,
          ref: preId,
          source: { type: 'pre_proceedings', id: preId },
        });
      records.event(personId, {
        kind: 'care_proceedings_issued',
        occurredOn: court.issuedOn,
        ref: id,
        source: { type: 'care_proceedings', id },
      });
      if (court.concludedOn && court.finalOrder) {
        records.entry(personId, by(court.concludedOn), {
          kind: 'court',
          occurredOn: court.concludedOn,
          summary: `Care proceedings concluded: ${finalOrderLabel(court.finalOrder)}.`,
          source: { type: 'care_proceedings', id },
        });
        records.event(personId, {
          kind: 'care_proceedings_concluded',
          occurredOn: court.concludedOn,
          ref: id,
          source: { type: 'care_proceedings', id },
        });
      }
    }

    // Starting care, each change of legal status or placement, and the end of care, as the looked-after service records them.
    const [firstStatus] = statuses;
    const [firstPlacement] = placements;
    if (firstStatus && firstPlacement) {
      records.entry(personId, by(period.startedOn), {
        kind: 'looked_after',
        occurredOn: period.startedOn,
        summary: `Became looked after: ${legalStatusLabel(firstStatus.legalStatus)} (${firstStatus.legalStatus}); placed in ${placementWords(firstPlacement)}. Category of need ${period.categoryOfNeed} (${primaryNeedLabel(period.categoryOfNeed)}).`,
        source: { type: 'period_of_care', id: period.id },
      });
      records.event(personId, {
        kind: 'became_looked_after',
        occurredOn: period.startedOn,
        ref: period.id,
        source: { type: 'period_of_care', id: period.id },
      });
      records.event(personId, {
        kind: 'placement_started',
        occurredOn: period.startedOn,
        ref: firstPlacement.id,
        source: { type: 'placement', id: firstPlacement.id },
      });
    }
    const changeDays = [...new Set([...statuses.slice(1), ...placements.slice(1)].map((s) => s.startedOn))].sort();
    for (const day of changeDays) {
      const statusIndex = statuses.findIndex((s, i) => i > 0 && s.startedOn === day);
      const status = statuses[statusIndex];
      const before = statuses[statusIndex - 1];
      if (status && before) {
        records.entry(personId, by(day), {
          kind: 'legal_status',
          occurredOn: day,
          summary: `Legal status changed from ${before.legalStatus} to ${legalStatusLabel(status.legalStatus)} (${status.legalStatus}).`,
          source: { type: 'legal_status', id: status.id },
        });
        const placedThen = placements.find((p) => p.startedOn < day && (p.endedOn === null || p.endedOn >= day));
        if (status.legalStatus === 'C2' && placedThen?.placementType === 'P1')
          records.event(personId, {
            kind: 'care_order_made_living_with_parent',
            occurredOn: day,
            ref: placedThen.id,
            source: { type: 'legal_status', id: status.id },
          });
      }
      const placementIndex = placements.findIndex((p, i) => i > 0 && p.startedOn === day);
      const placement = placements[placementIndex];
      const ended = placements[placementIndex - 1];
      if (placement && ended) {
        records.entry(personId, by(day), {
          kind: 'placement',
          occurredOn: day,
          summary: `Moved to ${placementWords(placement)}${ended.reasonForChange ? `. Reason for the move: ${reasonPlacementChangeLabel(ended.reasonForChange)} (${ended.reasonForChange})` : ''}.`,
          source: { type: 'placement', id: placement.id },
        });
        records.event(personId, { kind: 'placement_ended', occurredOn: day, ref: ended.id, source: { type: 'placement', id: ended.id } });
        records.event(personId, {
          kind: 'placement_started',
          occurredOn: day,
          ref: placement.id,
          source: { type: 'placement', id: placement.id },
        });
      }
    }
    if (period.endedOn && period.reasonCeased) {
      const last = placements.at(-1) as PlacementSpell;
      records.entry(personId, by(period.endedOn), {
        kind: 'looked_after',
        occurredOn: period.endedOn,
        summary: `Stopped being looked after: ${reasonEpisodeCeasedLabel(period.reasonCeased)} (${period.reasonCeased}).`,
        source: { type: 'period_of_care', id: period.id },
      });
      records.event(personId, {
        kind: 'placement_ended',
        occurredOn: period.endedOn,
        ref: last.id,
        source: { type: 'placement', id: last.id },
      });
      records.event(personId, {
        kind: 'ceased_looked_after',
        occurredOn: period.endedOn,
        ref: period.id,
        source: { type: 'period_of_care', id: period.id },
      });
    }

    // The adoption decision (SSDA903 PlacedAdoption) and the adoption (AD1), as the SSDA903 return holds them.
    const adoption = journey.adoption;
    if (adoption) {
      // A child who left care without being adopted: the decision that they should be placed was reversed.
      const reversedOn = period.endedOn && !adoption.adoptedOn ? period.endedOn : null;
      rows.adoptionDecisions.push({
        id: draw.id(),
        person_id: personId,
        decided_on: adoption.decidedOn,
        reversed_on: reversedOn,
        reason_reversed: reversedOn ? draw.pick(['RD1', 'RD3', 'RD4']) : null,
        ...recorded(adoption.decidedOn),
      });
      if (adoption.adoptedOn) {
        const who = draw.weighted(adopters);
        rows.adoptions.push({
          id: draw.id(),
          person_id: personId,
          adopted_on: adoption.adoptedOn,
          should_be_placed_on: adoption.decidedOn,
          matched_on: adoption.matchedOn,
          adopted_by_foster_carer: adoption.byFosterCarer,
          number_of_adopters: who.number,
          adopters_sex: who.sex,
          adopters_legal_status: who.legalStatus,
          ...recorded(adoption.adoptedOn),
        });
      }
    }

    // An unaccompanied asylum-seeking child (features/looked-after recordUascStatus); the status ceases at 18.
    if (stay.uasc) {
      const id = draw.id();
      const eighteen = addYears(child.dateOfBirth, 18);
      const ceasedOn = eighteen <= authority.today ? eighteen : null;
      rows.uasc.push({ id, person_id: personId, started_on: period.startedOn, ceased_on: ceasedOn, ...recorded(period.startedOn) });
      uascChildren.push(personId);
      records.entry(personId, by(period.startedOn), {
        kind: 'uasc',
        occurredOn: period.startedOn,
        summary: 'Recorded as an unaccompanied asylum-seeking child.',
        source: { type: 'uasc_status', id },
      });
      if (ceasedOn)
        records.entry(personId, by(ceasedOn), {
          kind: 'uasc',
          occurredOn: ceasedOn,
          summary: 'Unaccompanied asylum-seeking child status ceased.',
          source: { type: 'uasc_status', id },
        });
    }
  }
}

/**
 * Gives each placement of a journey its carer or home, postcode and Ofsted URN: foster carers and
 * adopters by family name (the same carer when a foster carer adopts), homes by name, parents none.
 */
function describePlacements(draw: Draw, journey: CareJourney, localAgency: string): void {
  const placements = journey.history.placements as PlacementSpell[];
  placements.forEach((p, i) => {
    const previous = placements[i - 1];
    if (previous && journey.continuesCarer.has(p.id)) {
      p.carerName = previous.carerName;
      p.postcode = previous.postcode;
      p.urn = p.provider === 'PR1' ? localAgency : previous.urn;
      return;
    }
    const nearby = draw.chance(0.7);
    p.postcode = postcodeIn(draw, nearby ? homeAreas : distantAreas);
    if (/^[UA]/.test(p.placementType)) {
      p.carerName = `${draw.faker.person.firstName()} and ${draw.faker.person.firstName()} ${draw.faker.person.lastName()}`;
      p.urn = p.provider === 'PR1' ? localAgency : `SC${draw.int(100000, 999999)}`;
    } else if (p.placementType === 'P1') {
      p.carerName = null;
      p.urn = null;
    } else {
      p.carerName = `${draw.faker.location.street()} ${draw.pick(['House', 'Lodge', 'View', 'Court'])}`;
      p.urn = p.placementType === 'R2' ? 'XXXXXXX' : `SC${draw.int(100000, 999999)}`;
    }
  });
}
