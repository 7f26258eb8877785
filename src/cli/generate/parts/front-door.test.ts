import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/database.js';
import type { Database } from '../../../db/schema.js';
import { contactsBecomingReferrals, decisionsOnOtherContacts, workingDaysToDecision } from '../../../domain/synthetic/front-door.js';
import { callAnswers } from '../../../domain/synthetic/out-of-hours.js';
import { sharesOf } from '../../../domain/synthetic/weighted-choice.js';
import { frontDoorWorklist } from '../../../features/front-door/contacts/service.js';
import { handoverList } from '../../../features/out-of-hours/handover/service.js';
import { loadActor } from '../../../platform/staff-directory.js';
import { generateAuthority } from '../generate.js';

const today = '2026-11-25';
/**
 * Seeds whose small authority has, on the day, contacts still waiting for a decision (13) and a
 * handover still waiting (8): at the demo's size (45 referrals a year) a day seldom has either.
 */
const seed = 13;
const seedWithHandoverWaiting = 8;

/** The rows the two parts write, each table as one hash of its ordered rows. */
async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = {
    contacts: sql`select * from contacts`,
    contact_children: sql`select * from contact_children`,
    referral_contacts: sql`select id, contact_id from referrals`,
    calls: sql`select * from out_of_hours_calls`,
    call_children: sql`select * from out_of_hours_call_children`,
    callbacks: sql`select * from out_of_hours_callbacks`,
    handover: sql`select * from handover_items`,
    chronology: sql`select * from chronology_entries where source_type in ('contact', 'out_of_hours_call')`,
    case_events: sql`select id, person_id, kind, occurred_on, occurred_time, ref, source_type, source_id, recorded_at
      from clock_events where source_type = 'contact'`,
  };
  const result: Record<string, string> = {};
  for (const [name, query] of Object.entries(tables)) {
    const { rows } = await sql<{ hash: string; n: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash,
      count(*) as n from (${query}) t`.execute(db);
    result[name] = `${rows[0]?.n}:${rows[0]?.hash}`;
  }
  return result;
}

/** Is the observed share within four standard errors (plus a point for rounding) of the target? */
function withinTolerance(observed: number, target: number, n: number): boolean {
  return Math.abs(observed - target) <= 4 * Math.sqrt((target * (1 - target)) / n) + 0.01;
}

async function count(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from (${query}) t`.execute(db);
  return Number(rows[0]?.n);
}

describe('hearth generate: the front door and out-of-hours parts', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    await generateAuthority(first.db, { scale: 'small', seed, today });
  }, 180_000);
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('writes identical contacts, calls and handovers for the same seed and day', async () => {
    await generateAuthority(second.db, { scale: 'small', seed, today });
    const [a, b] = await Promise.all([fingerprint(first.db), fingerprint(second.db)]);
    expect(b).toEqual(a);
    expect(Number(a.contacts?.split(':')[0])).toBeGreaterThan(50);
    expect(Number(a.calls?.split(':')[0])).toBeGreaterThan(20);
  }, 180_000);

  it('starts every referral from a contact received that day, decided as the front door decides referrals', async () => {
    const db = first.db;
    const referrals = await count(db, sql`select id from referrals where not referral_nfa`);
    expect(referrals).toBeGreaterThan(20);
    const linked = await sql<{ decision: string; harm: boolean; same_day: boolean; child_linked: boolean }>`
      select c.decision,
        exists (select 1 from clock_events e where e.ref = r.id::text and e.kind = 'significant_harm_suspected') as harm,
        (c.received_at at time zone 'Europe/London')::date = r.referral_date as same_day,
        exists (select 1 from contact_children cc where cc.contact_id = c.id and cc.person_id = r.person_id and cc.referral_id = r.id) as child_linked
      from referrals r join contacts c on c.id = r.contact_id
      where not r.referral_nfa`.execute(db);
    expect(linked.rows).toHaveLength(referrals);
    for (const row of linked.rows) {
      expect(row.same_day && row.child_linked).toBe(true);
      expect(row.decision).toBe(row.harm ? 'strategy_discussion' : 'referral_for_assessment');
    }
    // A contact links only the referrals it started.
    expect(
      await count(db, sql`select 1 from contact_children cc join referrals r on r.id = cc.referral_id where r.contact_id <> cc.contact_id`),
    ).toBe(0);
  });

  it('records on each child’s chronology and clocks what the contact, decision and call services record', async () => {
    const db = first.db;
    const contactChildren = await count(db, sql`select 1 from contact_children`);
    const decided = await count(
      db,
      sql`select 1 from contact_children cc join contacts c on c.id = cc.contact_id where c.decision is not null`,
    );
    const told = await count(
      db,
      sql`select 1 from contact_children cc join contacts c on c.id = cc.contact_id where c.referrer_informed_on is not null`,
    );
    expect(await count(db, sql`select 1 from clock_events where kind = 'contact_received'`)).toBe(contactChildren);
    expect(await count(db, sql`select 1 from clock_events where kind = 'contact_decision_made'`)).toBe(decided);
    expect(await count(db, sql`select 1 from chronology_entries where source_type = 'contact'`)).toBe(contactChildren + decided + told);
    expect(await count(db, sql`select 1 from clock_instances where clock_id = 'contact_decision'`)).toBe(contactChildren);
    const callChildren = await count(db, sql`select 1 from out_of_hours_call_children`);
    expect(await count(db, sql`select 1 from chronology_entries where kind = 'out_of_hours'`)).toBe(callChildren);
    const callsWithoutChildren = await count(
      db,
      sql`select 1 from out_of_hours_calls c where not exists (select 1 from out_of_hours_call_children cc where cc.call_id = c.id)`,
    );
    expect(await count(db, sql`select 1 from handover_items`)).toBe(callChildren + callsWithoutChildren);
    const versions = await count(
      db,
      sql`select 1 from contacts where version <> 1 + (decision is not null)::int + (referrer_informed_on is not null)::int`,
    );
    expect(versions).toBe(0);
  });

  it('follows the target shares: contacts that become referrals, decisions, timeliness, calls answered, busy evenings', async () => {
    const db = first.db;
    const contacts = await sql<{ decision: string | null; on_time: boolean | null }>`
      select c.decision, bool_and(i.completed_on <= i.due_on) as on_time
      from contacts c join clock_instances i on i.ref = c.id::text and i.clock_id = 'contact_decision'
      group by c.id, c.decision`.execute(db);
    const decided = contacts.rows.filter((c) => c.decision !== null);
    const referrals = decided.filter((c) => c.decision === 'referral_for_assessment' || c.decision === 'strategy_discussion');
    expect(withinTolerance(referrals.length / decided.length, contactsBecomingReferrals, decided.length)).toBe(true);
    const others = decided.filter((c) => !referrals.includes(c));
    for (const [decision, share] of sharesOf(decisionsOnOtherContacts))
      expect(withinTolerance(others.filter((c) => c.decision === decision).length / others.length, share, others.length)).toBe(true);
    const onTimeTarget = (sharesOf(workingDaysToDecision).get(0) ?? 0) + (sharesOf(workingDaysToDecision).get(1) ?? 0);
    const onTime = decided.filter((c) => c.on_time).length / decided.length;
    expect(withinTolerance(onTime, onTimeTarget, decided.length)).toBe(true);
    expect(onTime).toBeLessThan(1);

    const calls = await sql<{ answer: string; hour: number; weekday: boolean }>`
      select answer, extract(hour from received_at at time zone 'Europe/London')::int as hour,
        extract(isodow from received_at at time zone 'Europe/London') < 6 as weekday
      from out_of_hours_calls`.execute(db);
    const n = calls.rows.length;
    expect(
      withinTolerance(calls.rows.filter((c) => c.answer === 'answered').length / n, sharesOf(callAnswers).get('answered') ?? 0, n),
    ).toBe(true);
    expect(calls.rows.filter((c) => c.weekday && c.hour >= 9 && c.hour < 17)).toEqual([]);
    const evenings = calls.rows.filter((c) => c.hour >= 17).length;
    const smallHours = calls.rows.filter((c) => c.hour >= 1 && c.hour < 7).length;
    expect(evenings).toBeGreaterThan(smallHours);
  });

  it('gives the front door a worklist of the contacts waiting for a decision, through its service', async () => {
    const db = first.db;
    const officer = await actorNamed(db, 'front.door');
    const worklist = await frontDoorWorklist(db, officer, today);
    expect(worklist.counts.open).toBe(await count(db, sql`select 1 from contacts where decision is null`));
    expect(worklist.counts.open).toBeGreaterThan(0);
    expect(worklist.contacts.every((c) => c.decisionDueOn !== null && c.children.length > 0)).toBe(true);
  });

  it('gives a day team the handovers still waiting, through the handover service', async () => {
    const database = await openTestDatabase();
    try {
      const db = database.db;
      await generateAuthority(db, { scale: 'small', seed: seedWithHandoverWaiting, today });
      const waiting = await db.selectFrom('handover_items').select('team_id').where('accepted_at', 'is', null).execute();
      expect(waiting.length).toBeGreaterThan(0);
      const teamId = waiting[0]?.team_id as string;
      const member = await db
        .selectFrom('staff')
        .select('username')
        .where('team_id', '=', teamId)
        .where('active', '=', true)
        .where('role', 'in', ['social_worker', 'team_manager', 'front_door'])
        .orderBy('username')
        .executeTakeFirstOrThrow();
      const list = await handoverList(db, await actorNamed(db, member.username), teamId);
      expect(list.items.filter((i) => i.accepted_at === null)).toHaveLength(waiting.filter((w) => w.team_id === teamId).length);
    } finally {
      await database.close();
    }
  }, 180_000);
});

async function actorNamed(db: Kysely<Database>, username: string) {
  const staff = await db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const actor = await loadActor(db, staff.id, '127.0.0.1');
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
}
