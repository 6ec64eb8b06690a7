import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /**
   * PostgreSQL connection string of the role that owns the tables, for the migrations
   * (MIGRATION_DATABASE_URL); when absent, the migrations run over DATABASE_URL.
   */
  migrationDatabaseUrl: string | undefined;
  /** Directory of the embedded database (PGlite) and its lock file. */
  dataDir: string;
  /** The key that signs backups (RIGHTSDESK_BACKUP_KEY); when absent, backup.key in dataDir. */
  backupKey: string | undefined;
  host: string;
  port: number;
  /** Serve cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  /** Session lifetime in hours. */
  sessionHours: number;
  logLevel: string;
  /**
   * The address the public reaches this installation at (PUBLIC_BASE_URL, e.g. https://rightsdesk.example.nl),
   * for absolute links in the open data (src/opendata); when absent, the request's own host is used.
   */
  publicBaseUrl?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    dataDir: path.resolve(env.RIGHTSDESK_DATA_DIR ?? 'data'),
    backupKey: env.RIGHTSDESK_BACKUP_KEY || undefined,
    host: env.HOST ?? '127.0.0.1',
    port,
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || undefined,
  };
}
