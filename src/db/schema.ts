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
}

export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
