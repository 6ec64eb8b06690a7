#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../core/config.ts';
import { DataDirLockedError, openDb, type Db } from '../core/db.ts';
import { migrate } from '../core/migrate.ts';
import { systemActor } from '../core/audit.ts';
import { backup, BackupError, restore } from '../core/backup.ts';
import { AppError } from '../core/errors.ts';
import { startServer, type RunningServer } from '../server/app.ts';
import { isSeeded, seedReferenceData } from '../reference/seed.ts';
import { createUser, ensureFirstAdmin, findUserByEmail, listUsers, updateUser } from '../users/service.ts';
import { Role } from '../shared/schema.ts';
import { generatePassword } from '../auth/passwords.ts';
import { importFile } from '../recommendations/importers.ts';
import { parseDocumentFile } from '../recommendations/parse/cli.ts';
import { ImportKind } from '../recommendations/schema.ts';
import { runReminderScan } from '../notifications/service.ts';
import { mailerFromEnv } from '../notifications/mailer.ts';

const config = loadConfig();
const cliActor = () => systemActor(`cli:${process.env.USER ?? 'unknown'}`);

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

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
  .option('-p, --port <port>', 'port to listen on', String(config.port))
  .option('-H, --host <host>', 'address to listen on', config.host)
  .action(async (opts: { port: string; host: string }) => {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    let closing = false;
    const running: { server?: RunningServer } = {};
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`${signal} received: closing the server and the database…`);
      try {
        await running.server?.close();
      } finally {
        await db.close();
        process.exit(0);
      }
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    const applied = await migrate(db);
    if (applied.length) console.log(`Database migrated: ${applied.join(', ')}`);
    if (!(await isSeeded(db))) {
      console.log('Loading the reference data of the Kingdom of the Netherlands…');
      const report = await seedReferenceData(db);
      console.log(`Reference data loaded: ${JSON.stringify(report)}`);
    }
    const first = await ensureFirstAdmin(db, process.env.RIGHTSDESK_ADMIN_EMAIL);
    if (first) {
      console.log('');
      console.log('  First administrator created. This password is shown only once:');
      console.log(`    e-mail:   ${first.email}`);
      console.log(`    password: ${first.password}`);
      console.log('  You will be asked to choose a new password when you first log in.');
      console.log('');
    }
    const server = await startServer({
      db,
      config: { ...config, port: Number(opts.port), host: opts.host },
      logger: process.env.LOG_REQUESTS === 'true',
    });
    running.server = server;
    console.log(
      `Rightsdesk is running at ${server.url} (database: ${db.engine}${db.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`,
    );
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(() =>
    withDb(async () => {
      console.log('Database schema is up to date.');
    }),
  );

program
  .command('seed')
  .description(
    'load the reference data of the Kingdom of the Netherlands (adds what is missing, changes nothing that exists)',
  )
  .action(() =>
    withDb(async (db) => {
      const report = await seedReferenceData(db, systemActor('cli:seed'));
      console.log(`Reference data: ${JSON.stringify(report)}`);
    }),
  );

const user = program.command('user').description('manage user accounts');
const roleOption = new Option('-r, --role <role>', 'admin, coordinator, contributor or observer').choices(
  Role.options,
);

user
  .command('add <email>')
  .description('create a user; prints a generated password unless --password is given')
  .requiredOption('-n, --name <name>', 'full name')
  .addOption(roleOption.makeOptionMandatory())
  .option('-o, --organisation <code>', 'organisation code (required for coordinators), e.g. BZK')
  .option('--password <password>', 'initial password (at least 12 characters)')
  .action((email: string, opts: { name: string; role: Role; organisation?: string; password?: string }) =>
    withDb(async (db) => {
      const organisationId = opts.organisation ? await orgId(db, opts.organisation) : null;
      const password = opts.password ?? generatePassword();
      if (password.length < 12)
        throw new AppError(400, 'bad_request', 'Choose a password of at least 12 characters.');
      const u = await createUser(db, cliActor(), {
        email,
        name: opts.name,
        role: opts.role,
        organisationId,
        password,
        mustChangePassword: !opts.password,
      });
      console.log(`User ${u.email} created with role ${u.role}.`);
      if (!opts.password)
        console.log(`One-time password (shown once, to be changed at first login): ${password}`);
    }),
  );

user
  .command('list')
  .description('list the user accounts')
  .action(() =>
    withDb(async (db) => {
      const page = await listUsers(db, { page: 1, pageSize: 500 });
      for (const u of page.items)
        console.log(`${u.email}\t${u.role}\t${u.active ? 'active' : 'disabled'}\t${u.name}`);
      console.log(`${page.total} user(s)`);
    }),
  );

user
  .command('set-role <email> <role>')
  .description('change the role of a user')
  .option('-o, --organisation <code>', 'organisation code, required when the role is coordinator')
  .action((email: string, role: string, opts: { organisation?: string }) =>
    withDb(async (db) => {
      const parsed = Role.safeParse(role);
      if (!parsed.success)
        throw new AppError(
          400,
          'bad_request',
          `Unknown role "${role}": use one of ${Role.options.join(', ')}.`,
        );
      const u = await findUserByEmail(db, email);
      if (!u)
        throw new AppError(
          404,
          'not_found',
          `No user with e-mail address ${email}. See "rightsdesk user list".`,
        );
      const organisationId = opts.organisation ? await orgId(db, opts.organisation) : undefined;
      const updated = await updateUser(db, cliActor(), u.id, {
        version: u.version,
        role: parsed.data,
        organisationId,
      });
      console.log(`${updated.email} now has role ${updated.role}.`);
    }),
  );

program
  .command('reminders')
  .description('send the reminders of near and overdue deadlines and tasks now (each only once)')
  .action(() =>
    withDb(async (db) => {
      const mailer = mailerFromEnv();
      try {
        const r = await runReminderScan(db, { mailer, actor: cliActor() });
        console.log(
          `Reminders for ${r.today}: ${r.notifications} new notification(s); e-mails sent ${r.emailsSent}, ` +
            `in the outbox ${r.emailsToOutbox}, failed ${r.emailsFailed}.`,
        );
      } finally {
        mailer?.close();
      }
    }),
  );

program
  .command('backup <file>')
  .description('write a backup of all data to FILE (restorable on either database engine)')
  .action((file: string) =>
    withDb(async (db) => {
      const r = await backup(db, file);
      console.log(`Backup written to ${file}: ${r.rows} rows from ${r.tables} tables.`);
    }),
  );

program
  .command('restore <file>')
  .description('replace all data with the backup in FILE (all or nothing)')
  .action((file: string) =>
    withDb(async (db) => {
      const r = await restore(db, file, cliActor());
      console.log(`Restored ${r.rows} rows into ${r.tables} tables from ${file}.`);
    }),
  );

program
  .command('import <kind> <file>')
  .description(
    'import recommendations from FILE; kind: upr-info (CSV), uhri (JSON or .xlsx), spreadsheet (the template, .xlsx or .csv), document (.txt, .docx or .pdf)',
  )
  .option('--preview', 'show what would be stored, store nothing')
  .option('--valid-rows-only', 'store the valid rows when some rows are wrong (otherwise nothing is stored)')
  .action((kind: string, file: string, opts: { preview?: boolean; validRowsOnly?: boolean }) =>
    withDb(async (db) => {
      const parsed = ImportKind.safeParse(kind);
      if (!parsed.success)
        throw new AppError(
          400,
          'bad_request',
          `Unknown import kind "${kind}": use upr-info, uhri, spreadsheet or document.`,
        );
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(fs.readFileSync(file));
      } catch {
        throw new AppError(400, 'bad_request', `Cannot read ${file}: check the path.`);
      }
      const started = Date.now();
      const s = await importFile(db, cliActor(), parsed.data, path.basename(file), bytes, {
        dryRun: opts.preview,
        importValidRows: opts.validRowsOnly,
      });
      console.log(
        `${opts.preview ? 'Preview (nothing stored)' : 'Imported'} ${s.fileName}: ${s.totalRows} rows, ` +
          `${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped ` +
          `(${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      for (const e of s.errors.slice(0, 20)) console.log(`  row ${e.row}: ${e.message}`);
      if (s.unmappedTerms.length) {
        console.log(
          `  ${s.unmappedTerms.length} taxonomy spelling(s) not yet mapped, e.g. ${s.unmappedTerms
            .slice(0, 5)
            .map((u) => `"${u.spelling}"`)
            .join(', ')}`,
        );
      }
    }),
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
    ) => {
      console.log(await parseDocumentFile(file, opts));
    },
  );

async function orgId(db: Db, code: string): Promise<string> {
  const r = await db.query<{ id: string }>('select id from organisations where lower(code) = lower($1)', [
    code,
  ]);
  if (!r.rows[0])
    throw new AppError(
      400,
      'bad_request',
      `No organisation with code "${code}". Codes are e.g. BZK, JenV, VWS.`,
    );
  return r.rows[0].id;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof AppError || err instanceof BackupError || err instanceof DataDirLockedError) {
    console.error(`Error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
}
