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
  staff: { href: '/admin/staff', text: 'Staff accounts', roles: ['administrator'] },
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
