import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { BadRequestError } from '../../platform/errors.js';
import { signedIn } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { CLOCK_CHOICES, TRAY_PATHS, type TrayFilters, type TrayKind, viewWorktray, worktrayActionsFor } from './service.js';

const statusNames = { overdue: 'Overdue', due_soon: 'Due soon', not_due: 'Not due yet' } as const;
const statuses = Object.keys(statusNames) as (keyof typeof statusNames)[];

const asList = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

const filterQuery = z.object({
  clock: z.enum(CLOCK_CHOICES.map((c) => c.id) as [string, ...string[]]).optional(),
  status: z.preprocess(asList, z.array(z.enum(statuses))),
  escalated: z.literal('yes').optional(),
  worker: z.union([z.uuid(), z.literal('none')]).optional(),
  team: z.union([z.uuid(), z.literal('none')]).optional(),
});

type FilterQuery = z.infer<typeof filterQuery>;

const trays: { kind: TrayKind; role: Role; title: string }[] = [
  { kind: 'mine', role: 'social_worker', title: 'My work' },
  { kind: 'team', role: 'team_manager', title: 'My team' },
  { kind: 'service', role: 'service_manager', title: 'My service' },
];

function queryString(query: FilterQuery, without?: { key: keyof FilterQuery; value?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [keyof FilterQuery, string | string[] | undefined][]) {
    for (const item of asList(value) as string[]) {
      if (without && without.key === key && (without.value === undefined || without.value === item)) continue;
      params.append(key, item);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function worktrayRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  for (const { kind, role, title } of trays) {
    const path = TRAY_PATHS[kind];
    app.get(path, { config: { roles: [role] } }, async (request, reply) => {
      const actor = signedIn(request);
      const parsed = filterQuery.safeParse(request.query ?? {});
      if (!parsed.success) throw new BadRequestError('One of the filters is not one Hearth knows. Clear the filters and choose again.');
      const query = parsed.data;
      const filters: TrayFilters = {
        ...(query.clock ? { clockIds: [query.clock] } : {}),
        ...(query.status.length ? { statuses: query.status } : {}),
        ...(query.escalated ? { escalatedTo: kind === 'service' ? 'service_manager' : 'team_manager' } : {}),
        ...(query.worker ? { worker: query.worker } : {}),
        ...(query.team ? { teamId: query.team } : {}),
      };
      const tray = await viewWorktray(db, actor, kind, filters);
      const actions = await worktrayActionsFor(db, actor);
      const groupName = (id: string | undefined) => tray.groups.find((g) => (g.id ?? 'none') === id)?.name ?? 'Selected';
      const categories = [
        query.clock && {
          heading: { text: 'Clock' },
          items: [{ text: CLOCK_CHOICES.find((c) => c.id === query.clock)?.name, href: `${path}${queryString(query, { key: 'clock' })}` }],
        },
        query.status.length > 0 && {
          heading: { text: 'Status' },
          items: query.status.map((s) => ({ text: statusNames[s], href: `${path}${queryString(query, { key: 'status', value: s })}` })),
        },
        query.escalated && {
          heading: { text: 'Escalation' },
          items: [{ text: 'Escalated only', href: `${path}${queryString(query, { key: 'escalated' })}` }],
        },
        query.worker && {
          heading: { text: 'Social worker' },
          items: [{ text: groupName(query.worker), href: `${path}${queryString(query, { key: 'worker' })}` }],
        },
        query.team && {
          heading: { text: 'Team' },
          items: [{ text: groupName(query.team), href: `${path}${queryString(query, { key: 'team' })}` }],
        },
      ].filter(Boolean);
      return reply.page('worktrays/views/worktray.njk', {
        pageTitle: title,
        title,
        path,
        kind,
        tray,
        actions,
        selectedCategories: categories,
        clockItems: [
          { value: '', text: 'All clocks' },
          ...CLOCK_CHOICES.map((c) => ({ value: c.id, text: c.name, selected: c.id === query.clock })),
        ],
        statusItems: statuses.map((s) => ({ value: s, text: statusNames[s], checked: query.status.includes(s) })),
        escalatedItems: [
          { value: 'yes', text: kind === 'service' ? 'Escalated to you' : 'Escalated only', checked: query.escalated === 'yes' },
        ],
        groupItems: [
          { value: '', text: kind === 'service' ? 'All teams' : 'All social workers' },
          ...tray.groups.map((g) => ({
            value: g.id ?? 'none',
            text: g.name,
            selected: (g.id ?? 'none') === (kind === 'service' ? query.team : query.worker),
          })),
        ],
        groupHref: (id: string | null) => `${path}?${kind === 'service' ? 'team' : 'worker'}=${id ?? 'none'}`,
        statusNames,
      });
    });
  }
}
