import { describe, expect, it } from 'vitest';
import { createClockEngine } from './engine.js';
import type { ClockEvent, EventKind } from './events.js';
import { CLOCK_RULES } from './rules.js';

const engine = createClockEngine();

function event(kind: EventKind, date: string, extra: Omit<ClockEvent, 'kind' | 'date'> = {}): ClockEvent {
  return { kind, date, ...extra };
}

describe('single clocks counted in working days', () => {
  const referral = [event('referral_received', '2025-11-20')];

  it('a 45 working day assessment from 20 November 2025 crosses Christmas and is due 27 January 2026', () => {
    expect(engine.evaluate('cf_assessment', { events: referral }, '2025-12-01')).toEqual([
      {
        clockId: 'cf_assessment',
        occurrence: 1,
        startedOn: '2025-11-20',
        dueOn: '2026-01-27',
        completedOn: null,
        status: 'not_due',
      },
    ]);
  });

  it('is due soon within 5 working days of the due date, and overdue the day after it', () => {
    const statusOn = (asOf: string) => engine.evaluate('cf_assessment', { events: referral }, asOf)[0]?.status;
    expect(statusOn('2026-01-19')).toBe('not_due');
    expect(statusOn('2026-01-20')).toBe('due_soon');
    expect(statusOn('2026-01-27')).toBe('due_soon');
    expect(statusOn('2026-01-28')).toBe('overdue');
  });

  it('authorised on the due date itself is on time; the day after is late and carries the recorded reason', () => {
    const onTime = engine.evaluate('cf_assessment', { events: [...referral, event('assessment_authorised', '2026-01-27')] }, '2026-03-01');
    expect(onTime[0]).toMatchObject({ completedOn: '2026-01-27', status: 'met_on_time' });
    const late = engine.evaluate(
      'cf_assessment',
      { events: [...referral, event('assessment_authorised', '2026-01-28', { lateReason: 'Parent unavailable' })] },
      '2026-03-01',
    );
    expect(late[0]).toMatchObject({ completedOn: '2026-01-28', status: 'met_late', lateReason: 'Parent unavailable' });
  });

  it('a contact received on a Saturday is due on the Monday; on Christmas Eve, on 29 December', () => {
    const due = (date: string) => engine.evaluate('contact_decision', { events: [event('contact_received', date)] }, date)[0]?.dueOn;
    expect(due('2025-12-20')).toBe('2025-12-22');
    expect(due('2025-12-21')).toBe('2025-12-22');
    expect(due('2025-12-24')).toBe('2025-12-29');
    expect(due('2023-05-08')).toBe('2023-05-09');
  });

  it('each contact has its own decision clock, met in turn by the decisions that follow it', () => {
    const instances = engine.evaluate(
      'contact_decision',
      {
        events: [
          event('contact_received', '2025-03-03'),
          event('contact_received', '2025-03-03'),
          event('contact_decision_made', '2025-03-04'),
        ],
      },
      '2025-03-06',
    );
    expect(instances.map((instance) => instance.status)).toEqual(['met_on_time', 'overdue']);
  });

  it('refs keep events about different referrals apart', () => {
    const instances = engine.evaluate(
      'cf_assessment',
      {
        events: [
          event('referral_received', '2025-03-03', { ref: 'R1' }),
          event('referral_received', '2025-03-10', { ref: 'R2' }),
          event('assessment_authorised', '2025-03-20', { ref: 'R2' }),
        ],
      },
      '2025-03-21',
    );
    expect(instances.map((instance) => [instance.startedOn, instance.completedOn])).toEqual([
      ['2025-03-03', null],
      ['2025-03-10', '2025-03-20'],
    ]);
  });

  it('the ICPC is due 15 working days from the strategy discussion, across Easter', () => {
    const [icpc] = engine.evaluate('icpc', { events: [event('s47_enquiry_started', '2024-03-28')] }, '2024-04-01');
    expect(icpc?.dueOn).toBe('2024-04-22');
  });

  it('the ICPC runs from the latest strategy discussion when there were several', () => {
    const instances = engine.evaluate(
      'icpc',
      {
        events: [event('s47_enquiry_started', '2025-06-02'), event('s47_enquiry_started', '2025-07-07'), event('icpc_held', '2025-07-25')],
      },
      '2025-08-01',
    );
    expect(instances).toEqual([
      {
        clockId: 'icpc',
        occurrence: 1,
        startedOn: '2025-07-07',
        dueOn: '2025-07-28',
        completedOn: '2025-07-25',
        status: 'met_on_time',
      },
    ]);
  });

  it('the ICPC clock ends, and is never overdue, when the enquiry finds no conference is needed', () => {
    const events = [event('s47_enquiry_started', '2025-06-02', { ref: 'R1' }), event('icpc_not_required', '2025-06-10', { ref: 'R1' })];
    expect(engine.evaluate('icpc', { events }, '2025-09-01').filter((i) => i.status === 'overdue')).toEqual([]);
    const [running] = engine.evaluate('icpc', { events: events.slice(0, 1) }, '2025-09-01');
    expect(running?.status).toBe('overdue');
  });
});

describe('calendar months at month ends and leap days', () => {
  it('first review conference 3 months after an ICPC on 30 November 2023 is due 29 February 2024', () => {
    const [rcpc] = engine.evaluate('rcpc_first', { events: [event('cp_plan_started', '2023-11-30')] }, '2024-01-01');
    expect(rcpc?.dueOn).toBe('2024-02-29');
  });

  it('second LAC review 3 months after a first review on 30 November 2024 is due 28 February 2025', () => {
    const history = {
      events: [event('became_looked_after', '2024-11-01'), event('lac_review_held', '2024-11-30')],
    };
    expect(engine.evaluate('lac_review_2', history, '2024-12-01')[0]?.dueOn).toBe('2025-02-28');
  });

  it('supervision one month after 31 January 2024 is due 29 February 2024', () => {
    const [supervision] = engine.evaluate('ssw_supervision', { events: [event('foster_carer_approved', '2024-01-31')] }, '2024-02-01');
    expect(supervision?.dueOn).toBe('2024-02-29');
  });

  it('a foster carer approved on 29 February 2024 is due a review by 28 February 2025', () => {
    const [review] = engine.evaluate('foster_carer_review', { events: [event('foster_carer_approved', '2024-02-29')] }, '2024-03-01');
    expect(review?.dueOn).toBe('2025-02-28');
  });
});

describe('looked-after child reviews', () => {
  const history = {
    events: [
      event('became_looked_after', '2025-01-06'),
      event('lac_review_held', '2025-02-10', { lateReason: 'IRO sickness' }),
      event('lac_review_held', '2025-04-30'),
      event('lac_review_held', '2025-11-03'),
    ],
  };

  it('first review: 20 working days after the child became looked after', () => {
    expect(engine.evaluate('lac_review_1', history, '2026-04-30')).toEqual([
      {
        clockId: 'lac_review_1',
        occurrence: 1,
        startedOn: '2025-01-06',
        dueOn: '2025-02-03',
        completedOn: '2025-02-10',
        status: 'met_late',
        lateReason: 'IRO sickness',
      },
    ]);
  });

  it('second review: 3 months after the ACTUAL first review, not the date it was due', () => {
    expect(engine.evaluate('lac_review_2', history, '2026-04-30')[0]).toMatchObject({
      startedOn: '2025-02-10',
      dueOn: '2025-05-10',
      completedOn: '2025-04-30',
      status: 'met_on_time',
    });
  });

  it('later reviews: each 6 months after the previous actual review, one instance per review', () => {
    expect(
      engine.evaluate('lac_review_subsequent', history, '2026-04-30').map(({ occurrence, startedOn, dueOn, completedOn, status }) => ({
        occurrence,
        startedOn,
        dueOn,
        completedOn,
        status,
      })),
    ).toEqual([
      { occurrence: 1, startedOn: '2025-04-30', dueOn: '2025-10-30', completedOn: '2025-11-03', status: 'met_late' },
      { occurrence: 2, startedOn: '2025-11-03', dueOn: '2026-05-03', completedOn: null, status: 'due_soon' },
    ]);
  });

  it('a new period of care starts the reviews again; ceasing to be looked after before a review is due drops it', () => {
    const twoPeriods = {
      events: [
        event('became_looked_after', '2025-01-06'),
        event('ceased_looked_after', '2025-01-20'),
        event('became_looked_after', '2025-06-02'),
      ],
    };
    expect(engine.evaluate('lac_review_1', twoPeriods, '2025-06-03')).toEqual([
      expect.objectContaining({ startedOn: '2025-06-02', dueOn: '2025-06-30', status: 'not_due' }),
    ]);
  });
});

describe('recurring visits', () => {
  it('CP visits every 10 working days restart from the actual visit, across Christmas', () => {
    const history = {
      events: [event('cp_plan_started', '2025-12-01'), event('cp_visit_made', '2025-12-12'), event('cp_visit_made', '2025-12-31')],
    };
    expect(engine.evaluate('cp_visit', history, '2026-01-05').map(({ startedOn, dueOn, status }) => [startedOn, dueOn, status])).toEqual([
      ['2025-12-01', '2025-12-15', 'met_on_time'],
      ['2025-12-12', '2025-12-30', 'met_late'],
      ['2025-12-31', '2026-01-15', 'not_due'],
    ]);
  });

  it('when the CP plan ends, no further visit is due; a visit already overdue is reported with the end date', () => {
    const endedBeforeDue = {
      events: [event('cp_plan_started', '2025-12-01'), event('cp_visit_made', '2025-12-12'), event('cp_plan_ended', '2025-12-19')],
    };
    expect(engine.evaluate('cp_visit', endedBeforeDue, '2026-02-01')).toHaveLength(1);
    const endedAfterDue = {
      events: [event('cp_plan_started', '2025-12-01'), event('cp_plan_ended', '2025-12-19')],
    };
    expect(engine.evaluate('cp_visit', endedAfterDue, '2026-02-01')).toEqual([
      expect.objectContaining({ dueOn: '2025-12-15', completedOn: null, status: 'overdue', endedOn: '2025-12-19' }),
    ]);
  });

  it('LAC visits: 1 week after placement, 6-weekly in the first year, then 3-monthly for a placement meant to last until 18', () => {
    const visits = [
      '2024-01-20',
      '2024-03-01',
      '2024-04-10',
      '2024-05-20',
      '2024-06-28',
      '2024-08-08',
      '2024-09-15',
      '2024-10-25',
      '2024-12-05',
      '2025-01-17',
    ];
    const history = {
      events: [event('placement_started', '2024-01-15'), ...visits.map((date) => event('lac_visit_made', date))],
      facts: ['placement_intended_until_18' as const],
    };
    expect(engine.evaluate('lac_visit_first', history, '2025-02-01')).toEqual([
      expect.objectContaining({ startedOn: '2024-01-15', dueOn: '2024-01-22', completedOn: '2024-01-20', status: 'met_on_time' }),
    ]);
    const firstYear = engine.evaluate('lac_visit_first_year', history, '2025-02-01');
    expect(firstYear.map((instance) => instance.startedOn)).toEqual(visits.slice(0, 9));
    expect(firstYear[0]).toMatchObject({ dueOn: '2024-03-02', status: 'met_on_time' });
    expect(firstYear[8]).toMatchObject({ startedOn: '2024-12-05', dueOn: '2025-01-16', completedOn: '2025-01-17', status: 'met_late' });
    expect(engine.evaluate('lac_visit_after_first_year', history, '2025-02-01')).toEqual([
      expect.objectContaining({ startedOn: '2025-01-17', dueOn: '2025-04-17', status: 'not_due' }),
    ]);
    const withoutFact = { ...history, facts: [] };
    expect(engine.evaluate('lac_visit_after_first_year', withoutFact, '2025-02-01')[0]?.dueOn).toBe('2025-02-28');
  });

  it('placed with a parent before assessment: weekly until the first LAC review, then 6-weekly', () => {
    const history = {
      events: [
        event('became_looked_after', '2025-03-03'),
        event('placed_with_parent_before_assessment', '2025-03-03'),
        event('lac_visit_made', '2025-03-10'),
        event('lac_review_held', '2025-03-28'),
        event('lac_visit_made', '2025-03-31'),
      ],
    };
    expect(
      engine.evaluate('lac_visit_placed_with_parents_pre_assessment', history, '2025-04-01').map((i) => [i.startedOn, i.dueOn, i.status]),
    ).toEqual([
      ['2025-03-03', '2025-03-10', 'met_on_time'],
      ['2025-03-10', '2025-03-17', 'met_late'],
      ['2025-03-31', '2025-05-12', 'not_due'],
    ]);
  });

  it('private fostering: first visit in 7 working days (across the early May bank holiday), 6-weekly in the first year, 12-weekly after', () => {
    const history = {
      events: [
        event('private_fostering_notified', '2024-05-01'),
        event('private_fostering_visit_made', '2024-05-08'),
        event('private_fostering_visit_made', '2025-05-02'),
      ],
    };
    expect(engine.evaluate('pf_initial_visit', history, '2025-05-10')[0]).toMatchObject({ dueOn: '2024-05-13', status: 'met_on_time' });
    expect(engine.evaluate('pf_visits_year1', history, '2025-05-10').map((i) => [i.startedOn, i.dueOn, i.status])).toEqual([
      ['2024-05-01', '2024-06-12', 'met_on_time'],
      ['2024-05-08', '2024-06-19', 'met_late'],
    ]);
    expect(engine.evaluate('pf_visits_later', history, '2025-05-10').map((i) => [i.startedOn, i.dueOn])).toEqual([
      ['2025-05-02', '2025-07-25'],
    ]);
  });
});

describe('age-dependent review health assessments', () => {
  it('6-monthly under 5, 12-monthly from 5, judged on the date of the previous assessment', () => {
    const history = {
      dateOfBirth: '2021-03-01',
      events: [
        event('became_looked_after', '2025-06-02'),
        event('health_assessment_completed', '2025-06-10'),
        event('health_assessment_completed', '2025-12-01'),
        event('health_assessment_completed', '2026-05-20'),
      ],
    };
    expect(engine.evaluate('health_assessment_initial', history, '2026-06-01')[0]).toMatchObject({
      dueOn: '2025-06-30',
      completedOn: '2025-06-10',
      status: 'met_on_time',
    });
    expect(engine.evaluate('health_assessment_review', history, '2026-06-01').map((i) => [i.startedOn, i.dueOn, i.status])).toEqual([
      ['2025-06-10', '2025-12-10', 'met_on_time'],
      ['2025-12-01', '2026-06-01', 'met_on_time'],
      ['2026-05-20', '2027-05-20', 'not_due'],
    ]);
  });

  it('without a date of birth the stricter 6 months applies', () => {
    const history = { events: [event('became_looked_after', '2025-06-02'), event('health_assessment_completed', '2025-06-10')] };
    expect(engine.evaluate('health_assessment_review', history, '2025-07-01')[0]?.dueOn).toBe('2025-12-10');
  });
});

describe('the 72-hour return home interview', () => {
  const returned = event('returned_from_missing', '2025-12-24', { time: '22:30' });

  it('is due 72 hours after the recorded time of return', () => {
    expect(engine.evaluate('rhi', { events: [returned] }, '2025-12-25')[0]).toMatchObject({
      startedAt: '22:30',
      dueOn: '2025-12-27',
      dueAt: '22:30',
      status: 'due_soon',
    });
  });

  it('is compared by time when both times are known, by date when the interview has only a date', () => {
    const at = (extra: Omit<ClockEvent, 'kind' | 'date'>) =>
      engine.evaluate('rhi', { events: [returned, event('return_interview_completed', '2025-12-27', extra)] }, '2026-01-05')[0]?.status;
    expect(at({ time: '22:30' })).toBe('met_on_time');
    expect(at({ time: '23:00' })).toBe('met_late');
    expect(at({})).toBe('met_on_time');
  });

  it('is overdue once the due time has passed on the due date', () => {
    const statusAt = (time: string) => engine.evaluate('rhi', { events: [returned] }, { date: '2025-12-27', time })[0]?.status;
    expect(statusAt('22:30')).toBe('due_soon');
    expect(statusAt('22:31')).toBe('overdue');
  });

  it('with only a date of return, is due 3 calendar days later (weekends and bank holidays included)', () => {
    const [rhi] = engine.evaluate('rhi', { events: [event('returned_from_missing', '2025-12-24')] }, '2025-12-28');
    expect(rhi).toMatchObject({ dueOn: '2025-12-27', status: 'overdue' });
    expect(rhi?.dueAt).toBeUndefined();
  });

  it('a recorded refusal also meets it', () => {
    const history = { events: [returned, event('return_interview_declined', '2025-12-26')] };
    expect(engine.evaluate('rhi', history, '2026-01-05')[0]?.status).toBe('met_on_time');
  });
});

describe('work that may be done in advance, and deadlines before the start', () => {
  it('a placement plan agreed before the placement started is on time', () => {
    const history = { events: [event('placement_plan_agreed', '2025-07-04'), event('placement_started', '2025-07-07')] };
    expect(engine.evaluate('placement_plan', history, '2025-07-08')[0]).toMatchObject({
      dueOn: '2025-07-14',
      completedOn: '2025-07-04',
      status: 'met_on_time',
    });
  });

  it('a private fostering notice is due 6 weeks before the planned start', () => {
    const planned = event('private_fostering_planned_start', '2025-09-01');
    expect(
      engine.evaluate('pf_notice', { events: [planned, event('private_fostering_notified', '2025-07-21')] }, '2025-08-01')[0],
    ).toMatchObject({
      dueOn: '2025-07-21',
      status: 'met_on_time',
    });
    expect(
      engine.evaluate('pf_notice', { events: [planned, event('private_fostering_notified', '2025-08-01')] }, '2025-08-01')[0]?.status,
    ).toBe('met_late');
  });
});

describe('extensions and maximum durations', () => {
  it('an emergency protection order lasts 8 days and can be extended once by 7 days', () => {
    const made = event('epo_made', '2025-01-01');
    expect(engine.evaluate('epo_max', { events: [made] }, '2025-01-02')[0]?.dueOn).toBe('2025-01-09');
    const extended = engine.evaluate(
      'epo_max',
      { events: [made, event('epo_extended', '2025-01-08'), event('epo_extended', '2025-01-15')] },
      '2025-01-16',
    );
    expect(extended[0]).toMatchObject({ dueOn: '2025-01-16', extensions: 1, status: 'due_soon' });
  });

  it('connected-person temporary approval: 16 weeks, once extendable by 8 weeks, met by full approval or the placement ending', () => {
    const approved = event('connected_person_temporarily_approved', '2025-01-06');
    expect(engine.evaluate('connected_person_temp_approval', { events: [approved] }, '2025-01-07')[0]?.dueOn).toBe('2025-04-28');
    const history = { events: [approved, event('temporary_approval_extended', '2025-04-20'), event('placement_ended', '2025-06-01')] };
    expect(engine.evaluate('connected_person_temp_approval', history, '2025-07-01')[0]).toMatchObject({
      dueOn: '2025-06-23',
      completedOn: '2025-06-01',
      status: 'met_on_time',
      extensions: 1,
    });
  });
});

describe('as-of date', () => {
  it('ignores events recorded after the as-of date', () => {
    const history = { events: [event('referral_received', '2025-11-20'), event('assessment_authorised', '2026-01-20')] };
    expect(engine.evaluate('cf_assessment', history, '2026-01-10')[0]).toMatchObject({ completedOn: null, status: 'not_due' });
  });
});

describe('every clock in the table', () => {
  it.each(CLOCK_RULES.map((rule) => [rule.id, rule] as const))('%s can be evaluated from its start event', (id, rule) => {
    const start = rule.start.period
      ? [
          event(rule.start.period, '2025-01-06'),
          ...Array.from({ length: rule.start.nth ?? 1 }, () => event(rule.start.event, '2025-02-03')),
        ]
      : [event(rule.start.event, '2025-02-03')];
    const asOf = rule.window?.from ? '2026-03-02' : '2025-02-03';
    const instances = engine.evaluate(id, { events: start }, asOf);
    if (rule.window?.from) {
      expect(instances).toEqual([]);
    } else {
      expect(instances).toHaveLength(1);
      expect(instances[0]?.startedOn).toBe('2025-02-03');
      expect(instances[0]?.dueOn === null).toBe(rule.due === null || rule.due.unit === 'school_terms');
    }
  });
});
