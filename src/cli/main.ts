import { Command, Option } from 'commander';
import { connect, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { type Config, readConfig } from '../platform/config.js';
import { roles } from '../platform/roles.js';
import { seedDemo } from './seed.js';
import { serve } from './serve.js';
import { addUser, resetUserPassword } from './users.js';

/** Opens the database, migrated, for one command, and always closes it. */
async function withDatabase<T>(config: Config, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

const program = new Command('hearth').description("Hearth: case management for children's social care").showHelpAfterError();

program
  .command('serve')
  .description('migrate the database, add the demo authority to an empty embedded one, and serve Hearth')
  .action(async () => serve(readConfig()));

program
  .command('migrate')
  .description('apply every database migration not yet applied')
  .action(async () => {
    const config = readConfig();
    const handle = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    try {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await handle.close();
    }
  });

program
  .command('seed')
  .description('fill an empty database with the small demo local authority')
  .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 2017)
  .action(async (options: { seed: number }) => {
    const config = readConfig();
    await withDatabase(config, (h) => seedDemo(h.db, options.seed));
  });

const user = program.command('user').description('staff accounts');
user
  .command('add')
  .description('create a staff account; without --password a temporary one is printed, to be changed at first sign-in')
  .requiredOption('--username <username>')
  .requiredOption('--name <full name>')
  .addOption(new Option('--role <role>').choices(roles).makeOptionMandatory())
  .option('--team <team name>')
  .option('--email <address>')
  .option('--password <password>', 'a password of at least 12 characters (avoid: it stays in shell history)')
  .action(
    async (options: { username: string; name: string; role: (typeof roles)[number]; team?: string; email?: string; password?: string }) => {
      await withDatabase(readConfig(), (h) => addUser(h.db, options));
    },
  );
user
  .command('reset-password')
  .description('give an account a new temporary password and end its sessions')
  .argument('<username>')
  .option('--password <password>', 'set this password instead of a temporary one')
  .action(async (username: string, options: { password?: string }) => {
    await withDatabase(readConfig(), (h) => resetUserPassword(h.db, username, options.password));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`hearth: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
