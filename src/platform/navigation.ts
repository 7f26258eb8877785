import type { Role } from './roles.js';

export interface NavigationItem {
  href: string;
  text: string;
  active?: boolean;
}

const items: Record<string, { href: string; text: string; roles: readonly Role[] }> = {
  home: { href: '/', text: 'Home', roles: [] },
  children: {
    href: '/children',
    text: 'Children',
    roles: ['social_worker', 'team_manager', 'service_manager', 'front_door', 'emergency_duty', 'reviewing_officer', 'performance_analyst'],
  },
  frontDoor: { href: '/front-door', text: 'Front door', roles: ['front_door', 'team_manager', 'service_manager'] },
  handover: {
    href: '/handover',
    text: 'Handover',
    roles: ['social_worker', 'team_manager', 'service_manager', 'front_door', 'emergency_duty'],
  },
  outOfHours: { href: '/out-of-hours', text: 'Out of hours', roles: ['emergency_duty', 'service_manager', 'performance_analyst'] },
  myWork: { href: '/worktray', text: 'My work', roles: ['social_worker'] },
  myTeam: { href: '/worktray/team', text: 'My team', roles: ['team_manager'] },
  myService: { href: '/worktray/service', text: 'My service', roles: ['service_manager'] },
  supervision: { href: '/supervision', text: 'Supervision', roles: ['team_manager'] },
  staff: { href: '/admin/staff', text: 'Staff accounts', roles: ['administrator'] },
  teams: { href: '/admin/teams', text: 'Teams', roles: ['administrator'] },
  clockSettings: { href: '/admin/clock-settings', text: 'Clock settings', roles: ['administrator'] },
  ssda903Return: { href: '/returns/ssda903', text: 'SSDA903 return', roles: ['performance_analyst', 'service_manager'] },
  cinCensusReturn: { href: '/returns/cin-census', text: 'CIN census', roles: ['performance_analyst', 'service_manager'] },
  annexA: { href: '/returns/annex-a', text: 'Ofsted Annex A', roles: ['performance_analyst', 'service_manager'] },
  adopters: { href: '/adopters', text: 'Adopters', roles: ['fostering_worker', 'team_manager', 'service_manager', 'performance_analyst'] },
};

/** The menu a member of staff sees: only what their role can use. */
export function navigationFor(role: Role, currentPath: string): NavigationItem[] {
  return Object.values(items)
    .filter((item) => item.roles.length === 0 || item.roles.includes(role))
    .map((item) => ({
      href: item.href,
      text: item.text,
      active: item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href),
    }));
}
