import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { createClockEngine } from './engine.js';
import type { ClockEvent } from './events.js';
import { checkLocalSettings, LocalSettingsRejected } from './local-settings.js';
import { CLOCK_RULES } from './rules.js';
import { isNoLongerThan } from './strictness.js';

const referral: ClockEvent[] = [{ kind: 'referral_received', date: '2025-11-20' }];

describe('local settings for statutory clocks', () => {
  it('accepts a stricter timescale and uses it', () => {
    const engine = createClockEngine({ settings: { clocks: { cf_assessment: { due: { amount: 40, unit: 'working_days' } } } } });
    expect(engine.evaluate('cf_assessment', { events: referral }, '2025-11-21')[0]?.dueOn).toBe('2026-01-20');
  });

  it('rejects a longer one, naming the clock and the statutory limit', () => {
    const settings = { clocks: { cf_assessment: { due: { amount: 50, unit: 'working_days' as const } } } };
    expect(checkLocalSettings(CLOCK_RULES, settings)).toEqual([
      {
        setting: 'cf_assessment',
        message:
          'due of 50 working days is longer than the statutory 45 working days; a local setting may only make a statutory clock stricter',
      },
    ]);
    expect(() => createClockEngine({ settings })).toThrow(LocalSettingsRejected);
  });

  it('compares different units safely: 12 weeks is within 3 months, 5 working days is not within 1 week', () => {
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { lac_review_2: { due: { amount: 12, unit: 'weeks' } } } })).toEqual([]);
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { lac_review_2: { due: { amount: 13, unit: 'weeks' } } } })).toHaveLength(1);
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { lac_visit_first: { due: { amount: 5, unit: 'working_days' } } } })).toHaveLength(1);
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { rhi: { due: { amount: 2, unit: 'calendar_days' } } } })).toEqual([]);
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { rhi: { due: { amount: 96, unit: 'hours' } } } })).toHaveLength(1);
  });

  it('repeating reviews: a shorter interval is accepted, a longer one rejected', () => {
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { lac_review_subsequent: { repeat: { amount: 4, unit: 'months' } } } })).toEqual([]);
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { lac_review_subsequent: { repeat: { amount: 7, unit: 'months' } } } })).toHaveLength(
      1,
    );
  });

  it('a variant cannot be used to lengthen: the override must be within the shortest statutory interval', () => {
    const sixMonths = { amount: 6, unit: 'months' as const };
    const twelveMonths = { amount: 12, unit: 'months' as const };
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { health_assessment_review: { due: sixMonths, repeat: sixMonths } } })).toEqual([]);
    expect(
      checkLocalSettings(CLOCK_RULES, { clocks: { health_assessment_review: { due: twelveMonths, repeat: twelveMonths } } }),
    ).toHaveLength(2);
  });

  it('a statutory timescale cannot be removed', () => {
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { icpc: { due: null } } })).toEqual([
      { setting: 'icpc', message: 'a statutory timescale cannot be removed' },
    ]);
  });

  it('a deadline before the start may be made earlier, not later', () => {
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { pf_notice: { due: { amount: -8, unit: 'weeks' } } } })).toEqual([]);
    expect(checkLocalSettings(CLOCK_RULES, { clocks: { pf_notice: { due: { amount: -4, unit: 'weeks' } } } })).toHaveLength(1);
  });

  it('a clock with no national timescale may be given one', () => {
    const engine = createClockEngine({ settings: { clocks: { s47_enquiry: { due: { amount: 15, unit: 'working_days' } } } } });
    const [s47] = engine.evaluate('s47_enquiry', { events: [{ kind: 's47_enquiry_started', date: '2024-03-28' }] }, '2024-04-01');
    expect(s47?.dueOn).toBe('2024-04-22');
  });

  it('rejects unknown clocks, fractions and zero', () => {
    const settings = {
      clocks: {
        not_a_clock: { due: { amount: 1, unit: 'weeks' as const } },
        icpc: { due: { amount: 0, unit: 'working_days' as const } },
        cp_visit: { repeat: { amount: 2.5, unit: 'weeks' as const } },
      },
    };
    expect(checkLocalSettings(CLOCK_RULES, settings).map((problem) => problem.setting)).toEqual(['not_a_clock', 'icpc', 'cp_visit']);
  });
});

describe('local settings for local-practice clocks', () => {
  const cpPlan: ClockEvent[] = [
    { kind: 'cp_plan_started', date: '2025-12-01' },
    { kind: 'cp_visit_made', date: '2025-12-05' },
  ];

  it('may be stricter or looser than the default', () => {
    const weekly = createClockEngine({
      settings: { clocks: { cp_visit: { due: { amount: 5, unit: 'working_days' }, repeat: { amount: 5, unit: 'working_days' } } } },
    });
    expect(weekly.evaluate('cp_visit', { events: cpPlan }, '2025-12-08').map((i) => i.dueOn)).toEqual(['2025-12-08', '2025-12-12']);
    const fourWeekly = createClockEngine({ settings: { clocks: { cp_visit: { repeat: { amount: 4, unit: 'weeks' } } } } });
    expect(fourWeekly.evaluate('cp_visit', { events: cpPlan }, '2025-12-08').map((i) => i.dueOn)).toEqual(['2025-12-15', '2026-01-02']);
  });
});

describe('other local settings', () => {
  it('counting convention: D2I start-is-day-one makes working-day clocks one day shorter', () => {
    const engine = createClockEngine({ settings: { countingConvention: 'start_is_day_one' } });
    expect(engine.evaluate('cf_assessment', { events: referral }, '2025-11-21')[0]?.dueOn).toBe('2026-01-26');
  });

  it('due-soon window', () => {
    const engine = createClockEngine({ settings: { dueSoon: { amount: 10, unit: 'working_days' } } });
    expect(engine.evaluate('cf_assessment', { events: referral }, '2026-01-13')[0]?.status).toBe('due_soon');
    expect(createClockEngine().evaluate('cf_assessment', { events: referral }, '2026-01-13')[0]?.status).toBe('not_due');
    expect(checkLocalSettings(CLOCK_RULES, { dueSoon: { amount: -1, unit: 'working_days' } })).toHaveLength(1);
  });

  it("the authority's extra non-working days push working-day clocks back", () => {
    const engine = createClockEngine({ calendar: createCalendar({ extraHolidays: ['2025-12-29'] }) });
    const contact: ClockEvent[] = [{ kind: 'contact_received', date: '2025-12-24' }];
    expect(engine.evaluate('contact_decision', { events: contact }, '2025-12-24')[0]?.dueOn).toBe('2025-12-30');
  });

  it('PEP reviews are due by the end of the next school term, once term dates are set', () => {
    const becameLookedAfter: ClockEvent = { kind: 'became_looked_after', date: '2025-09-01' };
    const pepInTerm: ClockEvent = { kind: 'pep_completed', date: '2025-09-15' };
    const pepInHoliday: ClockEvent = { kind: 'pep_completed', date: '2025-12-22' };
    const schoolTerms = [
      { startsOn: '2025-09-03', endsOn: '2025-12-19' },
      { startsOn: '2026-01-05', endsOn: '2026-03-27' },
      { startsOn: '2026-04-13', endsOn: '2026-07-22' },
    ];
    const engine = createClockEngine({ settings: { schoolTerms } });
    expect(engine.evaluate('pep_review', { events: [becameLookedAfter, pepInTerm] }, '2025-10-01')[0]?.dueOn).toBe('2026-03-27');
    expect(engine.evaluate('pep_review', { events: [becameLookedAfter, pepInHoliday] }, '2025-12-23')[0]?.dueOn).toBe('2026-03-27');
    expect(createClockEngine().evaluate('pep_review', { events: [becameLookedAfter, pepInTerm] }, '2025-10-01')[0]?.dueOn).toBeNull();
  });
});

describe('isNoLongerThan', () => {
  it('compares like units exactly and unlike units by their longest and shortest spans', () => {
    expect(isNoLongerThan({ amount: 45, unit: 'working_days' }, { amount: 45, unit: 'working_days' })).toBe(true);
    expect(isNoLongerThan({ amount: 4, unit: 'weeks' }, { amount: 1, unit: 'months' })).toBe(false);
    expect(isNoLongerThan({ amount: 27, unit: 'calendar_days' }, { amount: 1, unit: 'months' })).toBe(true);
    expect(isNoLongerThan({ amount: 11, unit: 'months' }, { amount: 1, unit: 'years' })).toBe(true);
    expect(isNoLongerThan({ amount: 1, unit: 'school_terms' }, { amount: 3, unit: 'months' })).toBe(false);
  });
});
