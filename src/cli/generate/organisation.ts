import type { Insertable, Kysely } from 'kysely';
import type { AuditEventsTable, Database, IsoDate, StaffTable } from '../../db/schema.js';
import { type CaseholdingTeamKind, caseholdingTeamKinds, type Scale } from '../../domain/synthetic/scales.js';
import { hashPassword } from '../../platform/passwords.js';
import type { Role } from '../../platform/roles.js';
import { demoLogins, demoPassword } from '../demo-authority.js';
import type { SyntheticStaff, SyntheticTeam, TeamKind } from './authority.js';
import { insertRows } from './bulk-insert.js';
import type { Draw } from './draw.js';
import { addDays, officeHoursOn } from './instants.js';

/** Turnover of children's social workers: 15.9% a year (DfE workforce 2023, ../shared/domain section 5). */
const meanYearsInPost = 1 / 0.159;
/** Weeks a post stays empty between one social worker leaving and the next starting (an assumption). */
const meanWeeksVacant = 6;

/**
 * A plausible, invented Social Work England registration number for the nth social worker: "SW"
 * and six digits, spread out so they do not look like a count. Made without drawing, so adding
 * them left every other generated fact as it was.
 */
const syntheticSweRegistrationNumber = (n: number) => `SW${String(104_729 + n * 613).padStart(6, '0')}`;

const areaNames = [
  'North',
  'South',
  'East',
  'West',
  'Central',
  'Riverside',
  'Hillside',
  'Parkside',
  'Eastgate',
  'Westgate',
  'Northfield',
  'Southfield',
];

const teamKindNames: Record<CaseholdingTeamKind, string> = {
  assessment: 'Assessment Team',
  safeguarding: 'Children in Need and Child Protection',
  children_in_care: 'Children in Care',
  leaving_care: 'Leaving Care',
  disabled_children: 'Disabled Children',
};

const serviceOf: Record<TeamKind, string> = {
  front_door: 'Front Door and Assessment',
  assessment: 'Front Door and Assessment',
  safeguarding: 'Children in Need and Child Protection',
  disabled_children: 'Children in Need and Child Protection',
  children_in_care: 'Children in Care and Care Leavers',
  leaving_care: 'Children in Care and Care Leavers',
  fostering: 'Children in Care and Care Leavers',
  reviewing: 'Children in Care and Care Leavers',
  out_of_hours: 'Out of Hours, Quality and Performance',
  performance: 'Out of Hours, Quality and Performance',
  head_of_service: '',
};

const otherTeams: { name: string; kind: TeamKind; role: Role; demoUsername: string }[] = [
  { name: 'Front Door (MASH)', kind: 'front_door', role: 'front_door', demoUsername: 'front.door' },
  { name: 'Emergency Duty Team', kind: 'out_of_hours', role: 'emergency_duty', demoUsername: 'out.of.hours' },
  { name: 'Independent Reviewing Service', kind: 'reviewing', role: 'reviewing_officer', demoUsername: 'reviewing.officer' },
  { name: 'Fostering Service', kind: 'fostering', role: 'fostering_worker', demoUsername: 'fostering.worker' },
  { name: 'Performance and Intelligence', kind: 'performance', role: 'performance_analyst', demoUsername: 'analyst' },
];

/** A social work post in a case-holding team, and who has held it, oldest first (null `leftOn`: holds it now). */
export interface Post {
  teamId: string;
  holders: { staffId: string; startedOn: IsoDate; leftOn: IsoDate | null }[];
}

export interface Organisation {
  services: { id: string; name: string }[];
  teams: SyntheticTeam[];
  staff: SyntheticStaff[];
  posts: Post[];
}

/**
 * Services, teams (case-holding teams of each kind, with posts whose holders come and go over the
 * years), a manager per team, a head of service per service, and one account for each other role.
 * The demo sign-ins (social.worker, team.manager, …) are among them, with the demo password; every
 * account shares one password hash, made once (Argon2 is slow by design).
 */
export async function addOrganisation(
  db: Kysely<Database>,
  draw: Draw,
  scale: Scale,
  today: IsoDate,
  historyStartsOn: IsoDate,
): Promise<Organisation> {
  const passwordHash = await hashPassword(demoPassword);
  const services = [...new Set(Object.values(serviceOf).filter(Boolean))].map((name) => ({ id: draw.id(), name }));
  const serviceId = (kind: TeamKind) => (services.find((s) => s.name === serviceOf[kind]) as { id: string }).id;

  const staffRows: Insertable<StaffTable>[] = [];
  const staff: SyntheticStaff[] = [];
  const audit: Insertable<AuditEventsTable>[] = [];
  const usernames = new Set<string>();
  let socialWorkers = 0;
  const addStaff = (
    role: Role,
    teamId: string | null,
    startedOn: IsoDate,
    leftOn: IsoDate | null,
    named?: { username: string; name: string },
  ): string => {
    const id = draw.id();
    const given = draw.faker.person.firstName();
    const family = draw.faker.person.lastName();
    const displayName = named?.name ?? `${given} ${family}`;
    let username = named?.username ?? `${given}.${family}`.toLowerCase().replace(/[^a-z.-]/g, '');
    for (let n = 2; usernames.has(username); n++) username = `${given}.${family}${n}`.toLowerCase().replace(/[^a-z0-9.-]/g, '');
    usernames.add(username);
    const createdAt = officeHoursOn(startedOn, draw);
    const leftAt = leftOn ? officeHoursOn(leftOn, draw) : null;
    staffRows.push({
      id,
      username,
      display_name: displayName,
      email: null,
      role,
      team_id: teamId,
      swe_registration_number: role === 'social_worker' ? syntheticSweRegistrationNumber(socialWorkers++) : null,
      password_hash: passwordHash,
      active: leftOn === null,
      must_change_password: false,
      created_at: createdAt,
      updated_at: leftAt ?? createdAt,
    });
    staff.push({ id, username, role, teamId, startedOn, leftOn });
    const event = { staff_id: null, outcome: 'allowed' as const, record_type: 'staff', record_id: id, ip_address: null };
    audit.push({ ...event, occurred_at: createdAt, action: 'staff.create', detail: JSON.stringify({ role }) });
    if (leftAt) audit.push({ ...event, occurred_at: leftAt, action: 'staff.deactivate', detail: null });
    return id;
  };
  const demo = (username: string) => {
    const login = demoLogins.find((l) => l.username === username);
    return login ? { username: login.username, name: login.name } : undefined;
  };
  const longServing = () => addDays(historyStartsOn, -draw.int(30, 1500));

  const teams: SyntheticTeam[] = [];
  const teamRows: { id: string; name: string; service_id: string; is_front_door: boolean }[] = [];
  const addTeam = (name: string, kind: TeamKind, service: string) => {
    const id = draw.id();
    teamRows.push({ id, name, service_id: service, is_front_door: kind === 'front_door' });
    const team: SyntheticTeam = { id, name, kind, serviceId: service, managerId: '' };
    teams.push(team);
    return team;
  };

  for (const service of services) {
    const head = addTeam(`Head of Service, ${service.name}`, 'head_of_service', service.id);
    const isFirst = service === services[0];
    head.managerId = addStaff('service_manager', head.id, longServing(), null, isFirst ? demo('service.manager') : undefined);
  }
  for (const other of otherTeams) {
    const team = addTeam(other.name, other.kind, serviceId(other.kind));
    if (other.kind !== 'performance' && other.kind !== 'fostering') team.managerId = addStaff('team_manager', team.id, longServing(), null);
    addStaff(other.role, team.id, longServing(), null, demo(other.demoUsername));
  }
  addStaff('administrator', null, longServing(), null, demo('admin'));

  const caseholding: SyntheticTeam[] = [];
  for (const kind of caseholdingTeamKinds) {
    for (let n = 0; n < scale.teams[kind]; n++) {
      const name = scale.teams[kind] === 1 ? teamKindNames[kind] : `${teamKindNames[kind]} ${areaNames[n]}`;
      const team = addTeam(name, kind, serviceId(kind));
      team.managerId = addStaff('team_manager', team.id, longServing(), null, caseholding.length === 0 ? demo('team.manager') : undefined);
      caseholding.push(team);
    }
  }

  // Team sizes vary (so do caseloads): each team's share of the posts is drawn, then rounded so they add up.
  const sizes = caseholding.map(() => 0.7 + 0.6 * draw.unit());
  const totalSize = sizes.reduce((a, b) => a + b, 0);
  const posts: Post[] = [];
  caseholding.forEach((team, index) => {
    const count = Math.max(1, Math.round(((sizes[index] as number) / totalSize) * scale.socialWorkers));
    for (let p = 0; p < count; p++) {
      const spells: { startedOn: IsoDate; leftOn: IsoDate | null }[] = [];
      let leftOn: IsoDate | null = null;
      let until = today;
      while (until > historyStartsOn) {
        const startedOn = addDays(until, -Math.max(30, draw.exponential(meanYearsInPost * 365)));
        spells.unshift({ startedOn: startedOn < historyStartsOn ? longServing() : startedOn, leftOn });
        leftOn = addDays(startedOn, -Math.max(1, draw.exponential(meanWeeksVacant * 7)));
        until = leftOn;
      }
      const first = posts.length === 0;
      posts.push({
        teamId: team.id,
        holders: spells.map((spell, i) => ({
          ...spell,
          staffId: addStaff(
            'social_worker',
            team.id,
            spell.startedOn,
            spell.leftOn,
            first && i === spells.length - 1 ? demo('social.worker') : undefined,
          ),
        })),
      });
    }
  });

  await insertRows(db, 'services', services);
  await insertRows(db, 'teams', teamRows);
  await insertRows(db, 'staff', staffRows);
  await insertRows(db, 'audit_events', audit);
  return { services, teams, staff, posts };
}
