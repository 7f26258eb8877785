import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { todayInEngland } from '../platform/today.js';
import { demoLogins, demoPassword, isEmpty, seedDemoAuthority } from './demo-authority.js';

export async function seedDemo(db: Kysely<Database>, seed: number): Promise<void> {
  if (!(await isEmpty(db)))
    throw new Error('The database already has staff accounts: the demo authority goes only into an empty database.');
  await seedDemoAuthority(db, todayInEngland(), seed);
  console.log('Added the demo local authority.');
  printDemoLogins();
}

export function printDemoLogins(): void {
  console.log(`\nDemo sign-ins (password for all: ${demoPassword})`);
  for (const login of demoLogins) console.log(`  ${login.username.padEnd(20)} ${login.role}`);
  console.log('');
}
