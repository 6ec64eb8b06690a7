/**
 * The sender of the installation's letters (app_settings 'letter_sender'): read by the layout of
 * every document (export.ts), changed by an administrator. A change carries the version the
 * administrator saw (a stale one is refused) and is recorded in the audit trail with the fields
 * before and after; the logo is recorded by its sha256, not its bytes.
 */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors, staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { letterPolicy } from './policy.ts';
import { changedFields, recordEvent } from '../core/write.ts';
import { workspaceErrors } from './errors.ts';
import { SENDER_SETTING, letterSender } from './export.ts';
import { pngSize } from './schema.ts';
import type { SenderSetting, SenderUpdate } from './sender-schema.ts';

interface Stored {
  organisation: string;
  unit?: string | null;
  addressLines?: string[];
  font?: string;
  logo?: string | null;
  version?: number;
}

async function stored(q: Queryable): Promise<{ value: Stored | null; updatedAt: string | null }> {
  const r = await q.query<{ value: Stored; updated_at: string }>(
    'select value, updated_at from app_settings where key = $1',
    [SENDER_SETTING],
  );
  return { value: r.rows[0]?.value ?? null, updatedAt: r.rows[0]?.updated_at ?? null };
}

/** The sender as it is printed now (the default until an administrator sets one). */
export async function getSender(q: Queryable): Promise<SenderSetting> {
  const { value, updatedAt } = await stored(q);
  const sender = await letterSender(q);
  return {
    organisation: sender.organisation,
    unit: sender.unit ?? null,
    addressLines: sender.addressLines,
    font: sender.font,
    logo: sender.logo ? Buffer.from(sender.logo).toString('base64') : null,
    version: value?.version ?? 0,
    updatedAt,
  };
}

/** What the audit trail records of a sender: its fields, the logo by its hash. */
const audited = (s: Stored) => ({
  organisation: s.organisation,
  unit: s.unit ?? null,
  addressLines: s.addressLines ?? [],
  font: s.font ?? null,
  logo: s.logo ? crypto.createHash('sha256').update(Buffer.from(s.logo, 'base64')).digest('hex') : null,
});

export async function updateSender(db: Db, actor: Actor, input: SenderUpdate): Promise<SenderSetting> {
  authorize(letterPolicy.setSender(actor), () => errors.role_forbidden({ role: actor.role }));
  let logo: string | null | undefined = input.logo;
  if (logo) {
    const bytes = Buffer.from(logo, 'base64');
    if (!pngSize(bytes)) throw workspaceErrors.logo_not_png();
    logo = bytes.toString('base64');
  }
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [SENDER_SETTING]);
    const { value: before } = await stored(tx);
    const version = before?.version ?? 0;
    if (version !== input.version) throw staleEdit('letter_sender', version, input.version);
    const keptLogo = logo === undefined ? before?.logo : logo;
    // Left out rather than null: the layout reads the setting with its own schema (export.ts).
    const next: Stored = {
      organisation: input.organisation,
      ...(input.unit ? { unit: input.unit } : {}),
      addressLines: input.addressLines,
      font: input.font,
      ...(keptLogo ? { logo: keptLogo } : {}),
      version: version + 1,
    };
    await tx.query(
      `insert into app_settings (key, value, updated_at) values ($1, $2, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [SENDER_SETTING, JSON.stringify(next)],
    );
    const change = changedFields(
      before ? audited(before) : ({} as ReturnType<typeof audited>),
      audited(next),
    );
    await recordEvent(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'setting',
      entityId: SENDER_SETTING,
      before: change.before,
      after: change.after,
    });
    return getSender(tx);
  });
}
