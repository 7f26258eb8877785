import type { Role } from './roles.js';

/** The signed-in member of staff making a request, as access decisions and the audit trail see them. */
export interface Actor {
  staffId: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  serviceId: string | null;
  ipAddress: string;
  /** Signed in with a temporary password that must be changed before anything else. */
  mustChangePassword: boolean;
}
