import type { Role } from '../../platform/roles.js';
import { callReadingRoles } from './calls/service.js';
import { figuresRoles } from './figures/service.js';

/** The out-of-hours sub-navigation: only the pages this role may open. */
export function outOfHoursTabs(role: Role, current: 'calls' | 'figures') {
  return [
    ...(callReadingRoles.includes(role) ? [{ text: 'Call log', href: '/out-of-hours/calls', active: current === 'calls' }] : []),
    ...(figuresRoles.includes(role) ? [{ text: 'Figures', href: '/out-of-hours/figures', active: current === 'figures' }] : []),
  ];
}
