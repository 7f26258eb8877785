import { Command, Option } from 'commander';
import { connect, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import { scaleNames } from '../domain/synthetic/scales.js';
import { type Config, readConfig } from '../platform/config.js';
import { roles } from '../platform/roles.js';
import { todayInEngland } from '../platform/today.js';
import { exportAnnexA } from './annex-a.js';
import { exportCinCensus, importCinCensusFile, parseCollectionYear, validateCinCensusFile, validateLiveCinCensus } from './cin-census.js';
import { printClocks, recomputeClocksCommand } from './clocks.js';
import { generateCommand } from './generate/command.js';
import { terminalProgress } from './generate/progress.js';
import { seedDemo } from './seed.js';
import { serve } from './serve.js';
import { validateSsda903Folder } from './ssda903.js';
import { exportSsda903, importSsda903, validateSsda903Live } from './ssda903-return.js';
import { addTeamCommand, setFrontDoorCommand } from './teams.js';
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

program
  .command('generate')
  .description('fill an empty database with a synthetic local authority (deterministic for a seed), for demos, load tests and benchmarks')
  .addOption(
    new Option('--scale <scale>', 'small (demo size), medium (a fifth of large) or large (a big city over 10 years)')
      .choices(scaleNames)
      .default('small'),
  )
  .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 2017)
  .option('--today <YYYY-MM-DD>', 'the day the history runs up to (default: today in England)')
  .action(async (options: { scale: (typeof scaleNames)[number]; seed: number; today?: string }) => {
    const today = options.today ?? todayInEngland();
    if (!isIsoDate(today)) throw new Error('--today must be a date written YYYY-MM-DD');
    if (!Number.isInteger(options.seed)) throw new Error('--seed must be a whole number');
    await withDatabase(readConfig(), (h) => generateCommand(h.db, { scale: options.scale, seed: options.seed, today }));
  });

const clocks = program
  .command('clocks')
  .description('print every clock instance as at a date, recomputed from the case events known by then')
  .option('--as-of <date>', 'the date, YYYY-MM-DD (required)')
  .option('--json', 'an array of objects: la_child_id, clock_id, started_on, due_on, completed_on, status')
  .action(async (options: { asOf?: string; json?: boolean }) => {
    const asOf = options.asOf;
    // Not a required option to commander: it would then ask for it before `clocks recompute` too.
    if (asOf === undefined) return clocks.error("error: required option '--as-of <date>' not specified");
    await withDatabase(readConfig(), (h) => printClocks(h.db, asOf, options.json === true, (text) => console.log(text)));
  });
clocks
  .command('recompute')
  .description("recalculate every child's clocks with the current clock settings, in the foreground with a progress bar")
  .action(async () => {
    const finished = await withDatabase(readConfig(), (h) =>
      recomputeClocksCommand(h.db, { onlyProcess: h.engine === 'embedded', progress: terminalProgress() }, (text) => console.log(text)),
    );
    if (!finished) process.exitCode = 1;
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
  .option('--swe-number <number>', 'Social Work England registration number (SW followed by digits), reported in the SSDA903 return')
  .action(
    async (options: {
      username: string;
      name: string;
      role: (typeof roles)[number];
      team?: string;
      email?: string;
      password?: string;
      sweNumber?: string;
    }) => {
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

const team = program.command('team').description('services and teams');
team
  .command('add')
  .description('add a team to a service (the service is added too when there is none of that name)')
  .requiredOption('--name <team name>')
  .requiredOption('--service <service name>')
  .action(async (options: { name: string; service: string }) => {
    await withDatabase(readConfig(), (h) => addTeamCommand(h.db, options));
  });
team
  .command('front-door')
  .description('make this team the front door (single point of contact / MASH); the team that was stops being it')
  .argument('<team name>')
  .action(async (teamName: string) => {
    await withDatabase(readConfig(), (h) => setFrontDoorCommand(h.db, teamName));
  });

const validate = program.command('validate').description('check a statutory return against the DfE validation rules');
validate
  .command('cin-census')
  .description(
    "check a CIN census XML file (another system's extract) against the DfE rules without importing it or opening the database; without FILE, the return built from Hearth's own record",
  )
  .argument('[file]', 'the CIN census XML file')
  .requiredOption(
    '--year <YYYY>',
    'collection year, named by the 31 March it ends on (2025 = 1 April 2024 to 31 March 2025)',
    parseCollectionYear,
  )
  .option('--json', 'print the failures as a JSON array of { rule, la_child_id, severity, message }', false)
  .action(async (file: string | undefined, options: { year: number; json: boolean }) => {
    if (file !== undefined) return validateCinCensusFile(file, options);
    const config = readConfig();
    await withDatabase(config, (h) => validateLiveCinCensus(h.db, config, options));
  });

validate
  .command('ssda903')
  .description(
    "check the SSDA903 return against the DfE rules: Hearth's own data, or with DIR a folder of return CSV files (another system's extract) without importing them",
  )
  .argument('[dir]', "folder holding the return CSV files (without it, Hearth's own data is checked)")
  .requiredOption(
    '--year <YYYY>',
    'collection year, named by the 31 March it ends on (2025 = 1 April 2024 to 31 March 2025)',
    parseCollectionYear,
  )
  .option('--json', 'print the failures as a JSON array of { rule, la_child_id, message }', false)
  .option('--last-year <dir>', "folder holding last year's return, for the rules that compare the two years")
  .option('--la <code>', "the local authority's own code as PL_LA holds it (rule 1015)")
  .action(async (dir: string | undefined, options: { year: number; json: boolean; lastYear?: string; la?: string }) => {
    if (dir !== undefined) await validateSsda903Folder(dir, options);
    else await withDatabase(readConfig(), (h) => validateSsda903Live(h.db, options, (text) => console.log(text)));
  });

const exportReturn = program.command('export').description("write a statutory return from Hearth's record");
exportReturn
  .command('ssda903')
  .description(
    'write the SSDA903 return CSV files for a collection year, after checking them against the DfE rules (failures are listed; the files are written)',
  )
  .requiredOption(
    '--year <YYYY>',
    'collection year, named by the 31 March it ends on (2025 = 1 April 2024 to 31 March 2025)',
    parseCollectionYear,
  )
  .requiredOption('--out <dir>', 'folder to write the CSV files to (made if needed)')
  .action(async (options: { year: number; out: string }) => {
    await withDatabase(readConfig(), (h) => exportSsda903(h.db, options, (text) => console.log(text)));
  });

const importReturn = program.command('import').description('load a statutory return into Hearth (a council moving from another system)');
importReturn
  .command('ssda903')
  .description('load a folder of SSDA903 return CSV files: all or nothing, with every problem listed by file, line and column')
  .argument('<dir>', 'folder holding the return CSV files')
  .requiredOption(
    '--as <username>',
    "the member of staff the import is recorded as (one who may add children's records, such as a service manager)",
  )
  .option('--year <YYYY>', 'collection year the files are for (default: the year of the latest episode date)', parseCollectionYear)
  .action(async (dir: string, options: { as: string; year?: number }) => {
    const imported = await withDatabase(readConfig(), (h) => importSsda903(h.db, dir, options, (text) => console.log(text)));
    if (!imported) process.exitCode = 1;
  });

exportReturn
  .command('cin-census')
  .description(
    'write the CIN census XML for a collection year, after printing every DfE rule failure (the file is written whatever they are)',
  )
  .requiredOption('--year <YYYY>', 'collection year, named by the 31 March it ends on', parseCollectionYear)
  .requiredOption('--out <file>', 'the XML file to write')
  .action(async (options: { year: number; out: string }) => {
    const config = readConfig();
    await withDatabase(config, (h) => exportCinCensus(h.db, config, options));
  });

exportReturn
  .command('annex-a')
  .description("write Ofsted's Annex A lists as at a date to an Excel workbook (a cover sheet with counts, one worksheet per list)")
  .requiredOption('--as-of <YYYY-MM-DD>', 'the as at date (the lists look back 6 months from it)')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .action(async (options: { asOf: string; out: string }) => {
    if (!isIsoDate(options.asOf)) throw new Error('--as-of must be a date written YYYY-MM-DD');
    const config = readConfig();
    await withDatabase(config, (h) => exportAnnexA(h.db, config, options));
  });

importReturn
  .command('cin-census')
  .description('load a CIN census XML file: all or nothing; every problem is listed with its child and element')
  .argument('<file>', 'the CIN census XML file')
  .option('--year <YYYY>', 'collection year (default: from the header ReferenceDate)', parseCollectionYear)
  .action(async (file: string, options: { year?: number }) => {
    const config = readConfig();
    await withDatabase(config, (h) => importCinCensusFile(h.db, config, file, options));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`hearth: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
