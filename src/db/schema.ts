import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../platform/roles.js';

/** Statutory dates: `YYYY-MM-DD` strings end to end (the driver's DATE parser is disabled). */
export type IsoDate = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ServicesTable {
  id: Generated<string>;
  name: string;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  service_id: string;
}

export interface StaffTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  role: Role;
  team_id: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SignInSessionsTable {
  id: string;
  staff_id: string | null;
  data: ColumnType<unknown, string, string>;
  expires_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface PeopleTable {
  id: Generated<string>;
  is_child: boolean;
  la_child_id: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: IsoDate | null;
  expected_date_of_birth: IsoDate | null;
  sex: string | null;
  ethnicity: string | null;
  restricted: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RestrictedRecordAccessTable {
  person_id: string;
  staff_id: string;
  granted_by: string;
  granted_at: CreatedAt;
}

export type AllocationKind = 'social_worker' | 'reviewing_officer';

export interface AllocationsTable {
  id: Generated<string>;
  person_id: string;
  kind: AllocationKind;
  team_id: string;
  staff_id: string | null;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: CreatedAt;
  staff_id: string | null;
  action: string;
  outcome: AuditOutcome;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  ip_address: string | null;
  detail: ColumnType<unknown, string | null, never> | null;
}

export interface ChronologyEntriesTable {
  id: Generated<string>;
  person_id: string;
  /** What kind of event: contact, referral, decision, visit, case_note, plan, … */
  kind: string;
  occurred_on: IsoDate;
  occurred_at: Timestamp | null;
  summary: string;
  /** The record the entry comes from, e.g. ('contact', id), for a link back to it. */
  source_type: string;
  source_id: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ClockEventsTable {
  id: Generated<string>;
  person_id: string;
  /** An EventKind of src/domain/clocks. */
  kind: string;
  occurred_on: IsoDate;
  occurred_time: string | null;
  ref: string | null;
  late_reason: string | null;
  source_type: string;
  source_id: string;
  recorded_at: CreatedAt;
}

export interface ClockInstancesTable {
  id: Generated<string>;
  person_id: string;
  /** A ClockId of src/domain/clocks. */
  clock_id: string;
  occurrence: number;
  ref: string | null;
  started_on: IsoDate;
  due_on: IsoDate | null;
  due_at: string | null;
  /** From this date the clock shows as due soon (the authority's "due soon" window before due_on). */
  due_soon_from: IsoDate | null;
  completed_on: IsoDate | null;
  ended_on: IsoDate | null;
  late_reason: string | null;
  computed_at: CreatedAt;
}

export interface Database {
  services: ServicesTable;
  teams: TeamsTable;
  staff: StaffTable;
  sign_in_sessions: SignInSessionsTable;
  settings: SettingsTable;
  people: PeopleTable;
  restricted_record_access: RestrictedRecordAccessTable;
  allocations: AllocationsTable;
  audit_events: AuditEventsTable;
  chronology_entries: ChronologyEntriesTable;
  clock_events: ClockEventsTable;
  clock_instances: ClockInstancesTable;
}

export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
