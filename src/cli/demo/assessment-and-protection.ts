import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { AssessmentOutcome } from '../../domain/child-protection/assessment-outcomes.js';
import type { AssessmentFactorCode } from '../../domain/codes/cin-assessment-factors.js';
import { authoriseAssessment, returnAssessment, startAssessment, submitAssessment } from '../../features/assessments/service.js';
import { closeCase } from '../../features/case-closure/service.js';
import { reviewChildInNeedPlan, startChildInNeedPlan } from '../../features/child-in-need-plans/service.js';
import { endProtectionPlan, recordCoreGroup } from '../../features/child-protection-plans/service.js';
import { calendar, recordCaseEvents } from '../../features/clocks/service.js';
import { recordInitialConference, recordReviewConference } from '../../features/conferences/service.js';
import { authoriseStepDown, recordOversightDecision } from '../../features/management-decisions/service.js';
import { recordEnquiryOutcome } from '../../features/section-47/service.js';
import { recordStrategyDiscussion } from '../../features/strategy-discussions/service.js';
import { recordSupervision } from '../../features/supervision/service.js';
import { recordVisit } from '../../features/visits/service.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import type { DemoAuthority } from '../demo-authority.js';

/** What happens on each demo child's case, from the referral on. */
const stories = [
  'awaiting_assessment',
  'cp_plan_reviewed',
  'assessment_overdue',
  'assessment_returned',
  'cin_plan',
  'cp_plan_drifting',
  'closed_with_evidence',
  'disabled_child_assessment',
  'cp_plan_ended',
  'section_47_no_conference',
] as const;

type Story = (typeof stories)[number];

const childsViews = [
  'I like it when Mum picks me up from school. I don’t like it when they shout.',
  'My room is cold but I have my own bed now.',
  'I want to stay with Nan at weekends.',
  'I feel safe at school. Dad’s friend scares me.',
];

/** Fails the demo loudly when a step is refused: the demo must go through the same rules as a person would. */
function ok(result: { ok: true } | { ok: false; problems: { message: string }[] }, step: string): void {
  if (!result.ok) throw new Error(`Demo step "${step}" was refused: ${result.problems.map((p) => p.message).join('; ')}`);
}

/**
 * The assessment and protection part of the demo: for showcase children allocated in the assessment
 * and child protection teams, a referral some weeks back and what followed it (one still waiting
 * for its assessment), decided by the team's manager, all through the services with the clocks running: assessments on time, late with reasons, open and overdue, returned for
 * more work, a disabled child's assessment; strategy discussions, section 47 enquiries and
 * conferences; child protection plans with core groups, reviews and visits (one drifting); child
 * in need plans; supervision with actions on workers' worktrays; closures and plan ends with the
 * manager's evidence of progress.
 */
export async function addAssessmentAndProtectionDemo(db: Kysely<Database>, authority: DemoAuthority): Promise<void> {
  const { faker, today } = authority;
  const ago = (workingDays: number): IsoDate => calendar.addWorkingDays(today, -workingDays);
  const teamNames = ['Assessment Team North', 'Assessment Team South', 'Children in Need and Child Protection'];
  const teams = teamNames.map((t) => authority.teamIds.get(t));
  const referred = new Set((await db.selectFrom('referrals').select('person_id').execute()).map((r) => r.person_id));
  const allocations = (
    await db
      .selectFrom('allocations')
      .innerJoin('people', 'people.id', 'allocations.person_id')
      .select(['allocations.person_id', 'allocations.staff_id', 'allocations.team_id'])
      .where('allocations.kind', '=', 'social_worker')
      .where('allocations.ended_on', 'is', null)
      .where('allocations.staff_id', 'is not', null)
      .where('people.restricted', '=', false)
      .where('people.date_of_birth', 'is not', null)
      .where('allocations.person_id', 'in', [...authority.childIds])
      .where(
        'allocations.team_id',
        'in',
        teams.filter((t): t is string => t !== undefined),
      )
      .execute()
  ).filter((a) => !referred.has(a.person_id));
  const socialWorker = authority.staffIds.get('social.worker');
  const ordered = [...allocations.filter((a) => a.staff_id === socialWorker), ...allocations.filter((a) => a.staff_id !== socialWorker)];

  const actorCache = new Map<string, Actor>();
  const actor = async (staffId: string) => {
    const cached = actorCache.get(staffId);
    if (cached) return cached;
    const loaded = await loadActor(db, staffId, '127.0.0.1');
    if (!loaded) throw new Error('A demo account is missing');
    actorCache.set(staffId, loaded);
    return loaded;
  };
  const managerOf = (teamId: string) => actor(authority.managerOfTeam.get(teamNames[teams.indexOf(teamId)] as string) as string);

  for (const [index, allocation] of ordered.slice(0, stories.length * 2).entries()) {
    const story = stories[index % stories.length] as Story;
    const personId = allocation.person_id;
    const worker = await actor(allocation.staff_id as string);
    const manager = await managerOf(allocation.team_id);
    const referredOn = ago(
      story === 'assessment_overdue' ? 52 : story === 'disabled_child_assessment' || story === 'awaiting_assessment' ? 12 : 95,
    );
    const day = (n: number) => calendar.addWorkingDays(referredOn, n);

    await withChildRecord(db, manager, personId, 'edit', 'demo.referral', async (access) => {
      const { id } = await access.trx
        .insertInto('referrals')
        .values({
          person_id: personId,
          referral_date: referredOn,
          referral_source: faker.helpers.arrayElement(['2A', '3B', '6', '1A'] as const),
          primary_need_code: story === 'disabled_child_assessment' ? 'N2' : 'N1',
          is_re_referral: false,
          recorded_by: manager.staffId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordCaseEvents(access, [{ kind: 'referral_received', occurredOn: referredOn, ref: id, source: { type: 'referral', id } }]);
    });
    ok(
      await recordOversightDecision(db, manager, personId, {
        kind: 'threshold',
        decidedOn: referredOn,
        rationale: 'Needs meet the threshold for a child and family assessment.',
        today,
      }),
      'threshold',
    );
    if (story === 'awaiting_assessment') continue;

    const start = await startAssessment(db, worker, personId, {
      kind: story === 'disabled_child_assessment' ? 'disabled_child' : 'child_and_family',
      startedOn: day(1),
      today,
    });
    if (!start.ok) throw new Error('The demo assessment did not start');
    const assessmentId = start.id;
    const version = async () =>
      (await db.selectFrom('assessments').select('version').where('id', '=', assessmentId).executeTakeFirstOrThrow()).version;
    const submit = async (factors: AssessmentFactorCode[], outcome: AssessmentOutcome) =>
      ok(
        await submitAssessment(db, worker, personId, assessmentId, {
          version: await version(),
          factors,
          outcome,
          summary: 'Assessment completed with the family and partner agencies.',
          today,
        }),
        'submit',
      );
    const authorise = async (on: IsoDate, lateReason: string | null) =>
      ok(
        await authoriseAssessment(db, manager, personId, assessmentId, {
          version: await version(),
          authorisedOn: on,
          lateReason,
          rationale: 'The analysis supports the outcome.',
          today,
        }),
        'authorise',
      );

    if (story === 'assessment_overdue' || story === 'disabled_child_assessment') continue;
    if (story === 'assessment_returned') {
      await submit(['4B', '16A'], 'child_in_need_plan');
      ok(
        await returnAssessment(db, manager, personId, assessmentId, {
          version: await version(),
          comments: 'Add the school’s view and the child’s own words before I can authorise.',
          today,
        }),
        'return',
      );
      await submit(['4B', '16A'], 'child_in_need_plan');
      continue;
    }

    const protection =
      story === 'cp_plan_reviewed' || story === 'cp_plan_drifting' || story === 'cp_plan_ended' || story === 'section_47_no_conference';
    await submit(
      protection ? ['3B', '18C'] : story === 'closed_with_evidence' ? ['21'] : ['1B', '16A'],
      protection ? 'strategy_discussion' : story === 'closed_with_evidence' ? 'early_help' : 'child_in_need_plan',
    );
    const late = story === 'cp_plan_reviewed' || story === 'cin_plan';
    await authorise(late ? day(50) : day(30), late ? 'The family were away for three weeks; the child could not be seen.' : null);

    if (protection) {
      ok(
        await recordStrategyDiscussion(db, worker, personId, {
          heldOn: day(5),
          agencies: ['social_care', 'police', 'health', 'education'],
          participants: 'DS Carter (police); Dr Amin (GP); Ms Price (school DSL)',
          decision: 'section_47',
          rationale: 'Unexplained bruising; reasonable cause to suspect significant harm.',
          today,
        }),
        'strategy discussion',
      );
      const enquiry = await db
        .selectFrom('section_47_enquiries')
        .select(['id', 'version'])
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      const substantiated = story !== 'section_47_no_conference';
      ok(
        await recordEnquiryOutcome(db, worker, personId, enquiry.id, {
          version: enquiry.version,
          completedOn: day(12),
          outcome: substantiated ? 'concerns_substantiated_icpc' : 'concerns_not_substantiated',
          today,
        }),
        's47 outcome',
      );
      if (!substantiated) {
        ok(await startChildInNeedPlan(db, worker, personId, { startedOn: day(35), today }), 'cin plan');
        continue;
      }
      ok(
        await recordInitialConference(db, worker, personId, {
          heldOn: day(18),
          chair: 'Helen Carter',
          agencies: ['social_care', 'police', 'health', 'education'],
          decision: 'plan',
          categoryOfAbuse: faker.helpers.arrayElement(['PHY', 'NEG', 'EMO']),
          today,
        }),
        'icpc',
      );
      ok(
        await recordCoreGroup(db, worker, personId, {
          heldOn: day(story === 'cp_plan_drifting' ? 31 : 26),
          notes: 'Safety plan agreed with the family.',
          today,
        }),
        'core group',
      );
      const lastVisit = story === 'cp_plan_drifting' ? 45 : story === 'cp_plan_ended' ? 80 : 90;
      for (let visit = 24; visit <= lastVisit; visit += 8) {
        ok(
          await recordVisit(db, worker, personId, {
            visitedOn: day(visit),
            childSeen: true,
            seenAlone: visit % 16 === 8,
            bedroomSeen: visit % 24 === 0,
            childsViews: faker.helpers.arrayElement(childsViews),
            lateReason: null,
            today,
          }),
          'visit',
        );
      }
      if (story === 'cp_plan_reviewed' || story === 'cp_plan_ended') {
        ok(
          await recordReviewConference(db, worker, personId, {
            heldOn: day(80),
            chair: 'Helen Carter',
            agencies: ['social_care', 'health'],
            decision: story === 'cp_plan_ended' ? 'end_plan' : 'continue_plan',
            categoryOfAbuse: 'NEG',
            today,
          }),
          'rcpc',
        );
      }
      if (story === 'cp_plan_ended') {
        ok(
          await authoriseStepDown(db, manager, personId, {
            target: 'cp_plan_end',
            to: 'child_in_need_plan',
            decidedOn: day(81),
            evidenceOfProgress:
              'Father completed the domestic abuse programme; the child was seen alone at every visit and says home is calmer; school reports no concerns.',
            rationale: 'The review conference agreed the plan can end; a child in need plan will keep support in place.',
            today,
          }),
          'step-down',
        );
        const plan = await db
          .selectFrom('child_protection_plans')
          .select('version')
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow();
        ok(
          await endProtectionPlan(db, worker, personId, { version: plan.version, endedOn: day(82), reason: 'stepped_down', today }),
          'plan end',
        );
        ok(await startChildInNeedPlan(db, worker, personId, { startedOn: day(82), today }), 'cin plan after cp');
      }
    }

    if (story === 'cin_plan') {
      ok(await startChildInNeedPlan(db, worker, personId, { startedOn: day(51), today }), 'cin plan');
      ok(
        await reviewChildInNeedPlan(db, worker, personId, {
          reviewedOn: day(80),
          notes: 'Attendance improving; housing referral made.',
          today,
        }),
        'cin review',
      );
      ok(
        await recordVisit(db, worker, personId, {
          visitedOn: day(85),
          childSeen: true,
          seenAlone: false,
          bedroomSeen: true,
          childsViews: faker.helpers.arrayElement(childsViews),
          lateReason: null,
          today,
        }),
        'cin visit',
      );
    }

    if (story === 'closed_with_evidence') {
      ok(
        await authoriseStepDown(db, manager, personId, {
          target: 'case_closure',
          to: 'early_help',
          decidedOn: day(32),
          evidenceOfProgress: 'No factors identified; the family hub has agreed an early help plan and the family are engaging.',
          rationale: 'Step down to early help: no role for statutory services.',
          today,
        }),
        'closure authorisation',
      );
      const referral = await db.selectFrom('referrals').select('version').where('person_id', '=', personId).executeTakeFirstOrThrow();
      ok(await closeCase(db, worker, personId, { version: referral.version, closedOn: day(33), reason: 'RC9', today }), 'closure');
      continue;
    }

    if (index % 2 === 0 && story !== 'cp_plan_drifting') {
      ok(
        await recordSupervision(db, manager, personId, {
          heldOn: ago(faker.number.int({ min: 2, max: 12 })),
          reflection: 'The worker has a good relationship with the child; the father still avoids visits and the risk is not yet reduced.',
          decisions: 'Keep the plan; the next visit to be unannounced; ask the school for an attendance report.',
          actions: [
            { field: 'action1', description: 'Unannounced home visit, seeing the father', ownerId: worker.staffId, dueOn: ago(-5) },
            { field: 'action2', description: 'Ask the school for an attendance report', ownerId: worker.staffId, dueOn: ago(1) },
          ],
          today,
        }),
        'supervision',
      );
    }
  }
}
