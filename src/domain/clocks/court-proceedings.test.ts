import { describe, expect, it } from 'vitest';
import { createClockEngine } from './engine.js';
import type { ClockEvent, EventKind } from './events.js';

const engine = createClockEngine();
const event = (kind: EventKind, date: string, ref?: string): ClockEvent => ({ kind, date, ...(ref ? { ref } : {}) });

describe('care proceedings: 26 weeks from issue', () => {
  const issued = event('care_proceedings_issued', '2025-06-02', 'cp1');

  it('is due 26 weeks (182 days) after issue; concluded that day is on time, the next day late', () => {
    expect(engine.evaluate('care_proceedings', { events: [issued] }, '2025-06-02')[0]).toMatchObject({
      dueOn: '2025-12-01',
      status: 'not_due',
    });
    expect(engine.evaluate('care_proceedings', { events: [issued] }, '2025-12-02')[0]?.status).toBe('overdue');
    const concluded = (date: string) =>
      engine.evaluate('care_proceedings', { events: [issued, event('care_proceedings_concluded', date, 'cp1')] }, '2026-01-31')[0]?.status;
    expect(concluded('2025-12-01')).toBe('met_on_time');
    expect(concluded('2025-12-02')).toBe('met_late');
  });

  it('keeps separate proceedings apart by their reference', () => {
    const second = event('care_proceedings_issued', '2025-09-01', 'cp2');
    const instances = engine.evaluate(
      'care_proceedings',
      { events: [issued, second, event('care_proceedings_concluded', '2025-10-01', 'cp2')] },
      '2025-10-02',
    );
    expect(instances.map((i) => [i.startedOn, i.completedOn])).toEqual([
      ['2025-06-02', null],
      ['2025-09-01', '2025-10-01'],
    ]);
  });
});

describe('pre-proceedings: concluded within 16 weeks', () => {
  const started = event('pre_proceedings_started', '2025-03-03');

  it('is due 16 weeks after the pre-proceedings meeting and met by issuing proceedings or stepping down', () => {
    expect(engine.evaluate('pre_proceedings', { events: [started] }, '2025-03-03')[0]?.dueOn).toBe('2025-06-23');
    expect(
      engine.evaluate('pre_proceedings', { events: [started, event('care_proceedings_issued', '2025-06-23')] }, '2025-07-01')[0]?.status,
    ).toBe('met_on_time');
    expect(
      engine.evaluate('pre_proceedings', { events: [started, event('pre_proceedings_ended', '2025-06-24')] }, '2025-07-01')[0]?.status,
    ).toBe('met_late');
  });
});
