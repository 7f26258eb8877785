/** The jobs people do in a children's services department, as Hearth knows them. */
export const roles = [
  'social_worker',
  'team_manager',
  'service_manager',
  'front_door',
  'emergency_duty',
  'reviewing_officer',
  'fostering_worker',
  'performance_analyst',
  'administrator',
] as const;

export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  service_manager: 'Service manager (head of service)',
  front_door: 'Front door officer (MASH)',
  emergency_duty: 'Emergency duty (out of hours) worker',
  reviewing_officer: 'Independent reviewing officer',
  fostering_worker: 'Fostering worker',
  performance_analyst: 'Performance analyst',
  administrator: 'System administrator',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
