/**
 * The public form's defences that need a secret: the form token (an HMAC of the consultation and
 * the time) and the keyed hash of the client address. The secret belongs to this installation and
 * is created on first use.
 */
import crypto from 'node:crypto';
import { systemActor } from '../core/actor.ts';
import { nowIso } from '../core/dates.ts';
import type { Db } from '../core/db.ts';
import { recordEvent } from '../core/write.ts';
import { consultationErrors } from './errors.ts';
import { consultationRow } from './rows.ts';

const TOKEN_HOURS = 6;
const SECRET_KEY = 'consultation_secret';

/** The installation's secret (for form tokens and address hashes); created and recorded on first use. */
async function installationSecret(db: Db): Promise<string> {
  const known = await db.query<{ value: string }>(
    "select value #>> '{}' as value from app_settings where key = $1",
    [SECRET_KEY],
  );
  if (known.rows[0]) return known.rows[0].value;
  return db.transaction(async (tx) => {
    const created = await tx.query<{ key: string }>(
      `insert into app_settings (key, value) values ($1, to_jsonb($2::text))
       on conflict (key) do nothing returning key`,
      [SECRET_KEY, crypto.randomBytes(32).toString('hex')],
    );
    if (created.rows[0])
      await recordEvent(tx, systemActor('consultations'), {
        action: 'create',
        entityType: 'app_setting',
        entityId: SECRET_KEY,
      });
    const r = await tx.query<{ value: string }>(
      "select value #>> '{}' as value from app_settings where key = $1",
      [SECRET_KEY],
    );
    return r.rows[0]!.value;
  });
}

const hmac = (secret: string, data: string) =>
  crypto.createHmac('sha256', secret).update(data).digest('base64url');

/** A keyed hash of a client address: the same address gives the same hash, the address cannot be read back. */
export async function clientHash(db: Db, address: string): Promise<string> {
  return hmac(await installationSecret(db), `addr:${address}`).slice(0, 32);
}

/**
 * The form token the public page fetches before it shows the form. A form on another site cannot
 * read it (no CORS), so a cross-site post has no valid token and is refused.
 */
export async function issueFormToken(db: Db, consultationId: string, now = Date.parse(nowIso())) {
  await consultationRow(db, consultationId);
  const secret = await installationSecret(db);
  return {
    token: `${now}.${hmac(secret, `form:${consultationId}.${now}`)}`,
    expiresAt: new Date(now + TOKEN_HOURS * 3600_000).toISOString(),
  };
}

/** Refuses a token of another consultation, a forged one, and one older than TOKEN_HOURS. */
export async function checkFormToken(
  db: Db,
  consultationId: string,
  token: string,
  now = Date.parse(nowIso()),
) {
  const [issued, mac] = token.split('.');
  const at = Number(issued);
  const expected = hmac(await installationSecret(db), `form:${consultationId}.${issued}`);
  const valid =
    Number.isFinite(at) &&
    typeof mac === 'string' &&
    mac.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected));
  if (!valid) throw consultationErrors.form_token_invalid();
  if (at > now + 60_000 || now - at > TOKEN_HOURS * 3600_000) throw consultationErrors.form_expired();
}
