#!/usr/bin/env node
/**
 * The `rightsdesk` command. Each command's code is loaded only when that command runs, so that
 * `rightsdesk --help` (and every command) loads no more than it needs: commander and the settings, not
 * zod or the schemas.
 */
import module from 'node:module';
import type { Role } from '../shared/schema.ts';

// Node keeps the compiled code of the modules between runs (in the system's temporary folder; the
// variable NODE_DISABLE_COMPILE_CACHE turns it off): a later start compiles only what changed. Enabled
// before the modules below are loaded, hence their dynamic imports.
module.enableCompileCache?.();
const { Command, Option } = await import('commander');
const { loadConfig } = await import('../core/config.ts');
const { AppError } = await import('../core/errors.ts');

/** The roles of shared/schema.ts (`Role`), listed here so that the command line does not load zod. */
const ROLES = ['admin', 'coordinator', 'contributor', 'observer'] as const satisfies readonly Role[];
const everyRoleListed: Role extends (typeof ROLES)[number] ? true : never = true;
void everyRoleListed;

const defaults = loadConfig();

const program = new Command('rightsdesk')
  .description(
    'Rightsdesk: human rights reporting and follow-up.\nDatabase: PostgreSQL when DATABASE_URL is set, else the embedded one in RIGHTSDESK_DATA_DIR (./data).',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description(
    'start the web application (migrates the database and loads the reference data on first start)',
  )
  .option('-p, --port <port>', 'port to listen on', String(defaults.port))
  .option('-H, --host <host>', 'address to listen on', defaults.host)
  .action(async (opts: { port: string; host: string }) => (await import('./commands/serve.ts')).serve(opts));

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => (await import('./commands/migrate.ts')).migrateCommand());

program
  .command('seed')
  .description(
    'load the reference data of the Kingdom of the Netherlands (adds what is missing, changes nothing that exists)',
  )
  .action(async () => (await import('./commands/seed.ts')).seed());

const user = program.command('user').description('manage user accounts');
const roleOption = new Option('-r, --role <role>', 'admin, coordinator, contributor or observer').choices(
  ROLES,
);

user
  .command('add <email>')
  .description('create a user; prints a generated password unless --password is given')
  .requiredOption('-n, --name <name>', 'full name')
  .addOption(roleOption.makeOptionMandatory())
  .option('-o, --organisation <code>', 'organisation code (required for coordinators), e.g. BZK')
  .option('--password <password>', 'initial password (at least 12 characters)')
  .action(
    async (email: string, opts: { name: string; role: Role; organisation?: string; password?: string }) =>
      (await import('./commands/user.ts')).addUser(email, opts),
  );

user
  .command('list')
  .description('list the user accounts')
  .action(async () => (await import('./commands/user.ts')).listUserAccounts());

user
  .command('set-role <email> <role>')
  .description('change the role of a user')
  .option('-o, --organisation <code>', 'organisation code, required when the role is coordinator')
  .action(async (email: string, role: string, opts: { organisation?: string }) =>
    (await import('./commands/user.ts')).setRole(email, role, opts),
  );

program
  .command('reminders')
  .description('send the reminders of near and overdue deadlines and tasks now (each only once)')
  .action(async () => (await import('./commands/reminders.ts')).reminders());

program
  .command('sync')
  .description('bring in records of an outside source')
  .command('tweedekamer')
  .description(
    "store the Tweede Kamer's motions on human rights in the register of commitments (live API, or --file)",
  )
  .option('--since <date>', 'motions changed on or after this day, YYYY-MM-DD (default: 90 days ago)')
  .option('--topic <word>', 'a word of the subject or dossier title', 'mensenrecht')
  .option('--file <path>', 'read a saved OData JSON or SyncFeed XML file instead of the live API')
  .action(async (o: { since?: string; topic: string; file?: string }) =>
    (await import('../commitments/sync-command.ts')).syncTweedeKamer(o),
  );

program
  .command('backup <file>')
  .description('write a backup of all data to FILE (restorable on either database engine)')
  .action(async (file: string) => (await import('./commands/backup.ts')).backupCommand(file));

program
  .command('restore <file>')
  .description(
    'replace all data with the backup in FILE (all or nothing); only a backup signed by this installation, unless --allow-unsigned',
  )
  .option(
    '--allow-unsigned',
    'restore a backup that is unsigned or signed by another installation (the audit trail records it)',
  )
  .action(async (file: string, opts: { allowUnsigned?: boolean }) =>
    (await import('./commands/backup.ts')).restoreCommand(file, opts),
  );

program
  .command('audit')
  .description('the audit trail')
  .command('verify')
  .description('check the chain of the audit trail: prints "intact, N rows" or the first broken row')
  .action(async () => (await import('./commands/audit.ts')).auditVerify());

program
  .command('import <kind> <file>')
  .description(
    'import recommendations from FILE; kind: upr-info (CSV), uhri (JSON or .xlsx), spreadsheet (the template, .xlsx or .csv), document (.txt, .docx or .pdf)',
  )
  .option('--preview', 'show what would be stored, store nothing')
  .option('--valid-rows-only', 'store the valid rows when some rows are wrong (otherwise nothing is stored)')
  .action(async (kind: string, file: string, opts: { preview?: boolean; validRowsOnly?: boolean }) =>
    (await import('./commands/import.ts')).importCommand(kind, file, opts),
  );

program
  .command('parse <file>')
  .description(
    'show the recommendations a document import would store (UPR report, concluding observations, advisory report); stores nothing',
  )
  .addOption(new Option('--format <format>', 'output').choices(['json', 'text']).default('text'))
  .addOption(
    new Option('--kind <kind>', 'kind of document')
      .choices(['auto', 'upr', 'treaty-body', 'advisory'])
      .default('auto'),
  )
  .action(
    async (
      file: string,
      opts: { format: 'json' | 'text'; kind: 'auto' | 'upr' | 'treaty-body' | 'advisory' },
    ) => (await import('./commands/parse.ts')).parse(file, opts),
  );

program
  .command('suggest <file>')
  .description(
    'suggest UPR Info issues, UHRI themes and groups and SDGs for each recommendation of FILE (a CSV with columns id and text, or the JSON of "parse --format json")',
  )
  .addOption(new Option('--format <format>', 'output').choices(['json', 'text']).default('text'))
  .action(async (file: string, opts: { format: 'json' | 'text' }) =>
    (await import('./commands/suggest.ts')).suggest(file, opts),
  );

/** Errors a person can act on are printed as their message; anything else with its stack. */
const MESSAGE_ONLY = new Set(['BackupError', 'DataDirLockedError']);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof AppError || (err instanceof Error && MESSAGE_ONLY.has(err.name))) {
    console.error(`Error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
}
