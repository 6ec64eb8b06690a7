import crypto from 'node:crypto';
import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, type Actor } from '../core/audit.ts';
import { badRequest, forbidden, notFound } from '../core/errors.ts';
import { isAdmin } from '../core/policy.ts';
import { effectivePhases, laterCycleStarted, loadCycles } from '../cycles/service.ts';
import { DEADLINE_KINDS, deadlineStates, today } from '../cycles/status.ts';
import type { OrgRef } from '../instruments/schema.ts';
import type { Page } from '../shared/schema.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';
import { phaseLabel, type Lang } from './labels.ts';
import type { Deadline, FeedCreated, FeedStatus, Timeline } from './schema.ts';

interface InstrumentInfo {
  id: string;
  code: string;
  shortName: string;
  nameNl: string;
  nameEn: string;
  leadId: string | null;
  coordinatingId: string | null;
  lead: OrgRef | null;
  sortOrder: number;
}

async function instruments(q: Queryable): Promise<Map<string, InstrumentInfo>> {
  const r = await q.query<Record<string, unknown>>(
    `select i.id, i.code, i.short_name, i.name_nl, i.name_en, i.sort_order,
            i.lead_organisation_id, i.coordinating_organisation_id,
            lo.code as lo_code, lo.name_nl as lo_name_nl, lo.name_en as lo_name_en
       from instruments i left join organisations lo on lo.id = i.lead_organisation_id
      order by i.sort_order, i.code`,
  );
  return new Map(
    r.rows.map((row) => [
      String(row.id),
      {
        id: String(row.id),
        code: String(row.code),
        shortName: String(row.short_name),
        nameNl: String(row.name_nl),
        nameEn: String(row.name_en),
        leadId: (row.lead_organisation_id as string | null) ?? null,
        coordinatingId: (row.coordinating_organisation_id as string | null) ?? null,
        lead: row.lead_organisation_id
          ? {
              id: String(row.lead_organisation_id),
              code: String(row.lo_code),
              nameNl: String(row.lo_name_nl),
              nameEn: String(row.lo_name_en),
            }
          : null,
        sortOrder: Number(row.sort_order),
      },
    ]),
  );
}

/**
 * Every deadline not yet met, recorded or derived, of all cycles (optionally of the instruments of
 * which the organisation is the lead or the coordinating organisation): overdue first, then by date.
 */
export async function openDeadlines(
  q: Queryable,
  opts: { organisationId?: string | undefined; now?: string } = {},
): Promise<Deadline[]> {
  const now = opts.now ?? today();
  const insts = await instruments(q);
  const cycles = await loadCycles(q, {}, now);
  const out: Deadline[] = [];
  for (const c of cycles) {
    const inst = insts.get(c.instrumentId);
    if (!inst) continue;
    if (
      opts.organisationId &&
      inst.leadId !== opts.organisationId &&
      inst.coordinatingId !== opts.organisationId
    )
      continue;
    const states = deadlineStates(effectivePhases(c), now, laterCycleStarted(cycles, c, now));
    for (const s of states) {
      if (s.met || s.lapsed) continue;
      const d = s.derived ? c.derivedPhases.find((p) => p.kind === s.kind) : undefined;
      out.push({
        cycleId: c.id,
        cycleLabel: c.label,
        instrumentId: inst.id,
        instrumentCode: inst.code,
        instrumentShortName: inst.shortName,
        instrumentNameNl: inst.nameNl,
        instrumentNameEn: inst.nameEn,
        kind: s.kind,
        date: s.date,
        datePrecision: s.datePrecision ?? 'day',
        overdue: s.overdue,
        derived: Boolean(s.derived),
        rule: d?.rule ?? null,
        overridden: Boolean(d?.override),
        lead: inst.lead,
      });
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.date.localeCompare(b.date) ||
      a.instrumentCode.localeCompare(b.instrumentCode),
  );
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function listDeadlines(
  q: Queryable,
  f: {
    page: number;
    pageSize: number;
    within: number;
    organisationId?: string | undefined;
    overdue: 'include' | 'only' | 'exclude';
  },
  now = today(),
): Promise<Page<Deadline>> {
  const until = addDays(now, f.within);
  const all = (await openDeadlines(q, { organisationId: f.organisationId, now })).filter((d) =>
    d.overdue ? f.overdue !== 'exclude' : f.overdue !== 'only' && d.date <= until,
  );
  const start = (f.page - 1) * f.pageSize;
  return {
    items: all.slice(start, start + f.pageSize),
    total: all.length,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** All cycles side by side: per instrument its phases and derived deadlines in the years asked. */
export async function timeline(
  q: Queryable,
  f: { from?: number | undefined; to?: number | undefined },
  now = today(),
): Promise<Timeline> {
  const year = Number(now.slice(0, 4));
  const from = f.from ?? year - 6;
  const to = f.to ?? year + 6;
  if (to < from) throw badRequest(`"to" (${to}) comes before "from" (${from}): give the earlier year first.`);
  if (to - from > 60) throw badRequest('Ask for at most 60 years at a time.');
  const insts = await instruments(q);
  const cycles = await loadCycles(q, {}, now);
  const inRange = (date: string) => Number(date.slice(0, 4)) >= from && Number(date.slice(0, 4)) <= to;
  const rows = new Map<string, Timeline['items'][number]>();
  for (const c of cycles) {
    const inst = insts.get(c.instrumentId);
    if (!inst) continue;
    const states = deadlineStates(effectivePhases(c), now, laterCycleStarted(cycles, c, now));
    const phases = effectivePhases(c)
      .filter((p): p is typeof p & { date: string } => p.date !== null && inRange(p.date))
      .map((p) => {
        const st = states.find((s) => s.kind === p.kind && s.date === p.date && s.derived === p.derived);
        return {
          kind: p.kind,
          date: p.date,
          datePrecision: p.datePrecision ?? 'day',
          derived: Boolean(p.derived),
          rule: p.derived ? (c.derivedPhases.find((d) => d.kind === p.kind)?.rule ?? null) : null,
          deadline: DEADLINE_KINDS.has(p.kind),
          overdue: st?.overdue ?? false,
          met: st?.met ?? false,
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
    if (!phases.length) continue;
    const row = rows.get(inst.id) ?? {
      instrumentId: inst.id,
      code: inst.code,
      shortName: inst.shortName,
      nameNl: inst.nameNl,
      nameEn: inst.nameEn,
      lead: inst.lead,
      cycles: [],
    };
    row.cycles.push({ cycleId: c.id, label: c.label, sequence: c.sequence, phases });
    rows.set(inst.id, row);
  }
  const order = [...insts.values()].map((i) => i.id);
  const items = [...rows.values()].sort(
    (a, b) => order.indexOf(a.instrumentId) - order.indexOf(b.instrumentId),
  );
  return { from, to, today: now, items };
}

// ---------------------------------------------------------------------------------------------
// Calendar feeds: the token is the secret in the URL; only its sha256 is stored.

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

export async function feedStatus(q: Queryable, actor: Actor): Promise<FeedStatus> {
  const mine = await q.query<{ created_at: string }>(
    'select created_at from calendar_feeds where user_id = $1',
    [actor.id],
  );
  let organisation: FeedStatus['organisation'] = null;
  if (actor.organisationId) {
    const org = await q.query<{ id: string; code: string; created_at: string | null }>(
      `select o.id, o.code, f.created_at from organisations o
         left join calendar_feeds f on f.organisation_id = o.id where o.id = $1`,
      [actor.organisationId],
    );
    const o = org.rows[0];
    if (o)
      organisation = {
        organisationId: o.id,
        code: o.code,
        exists: o.created_at !== null,
        createdAt: o.created_at === null ? null : String(o.created_at),
      };
  }
  const m = mine.rows[0];
  return { user: { exists: Boolean(m), createdAt: m ? String(m.created_at) : null }, organisation };
}

async function issueFeed(
  db: Db,
  actor: Actor,
  owner: { userId: string } | { organisationId: string },
  origin: string,
): Promise<FeedCreated> {
  const token = crypto.randomBytes(32).toString('base64url');
  const [col, id] = 'userId' in owner ? ['user_id', owner.userId] : ['organisation_id', owner.organisationId];
  const row = await db.transaction(async (tx) => {
    const old = await tx.query<Record<string, unknown>>(
      `delete from calendar_feeds where ${col} = $1 returning id, user_id, organisation_id, created_at`,
      [id],
    );
    const r = await tx.query<Record<string, unknown>>(
      `insert into calendar_feeds (token_hash, ${col}, created_by) values ($1, $2, $3)
       returning id, user_id, organisation_id, created_by, created_at`,
      [hash(token), id, actor.id],
    );
    const created = r.rows[0]!;
    await recordAudit(tx, actor, {
      action: old.rows[0] ? 'rotate' : 'create',
      entityType: 'calendar_feed',
      entityId: String(created.id),
      ...(old.rows[0] ? { before: old.rows[0] } : {}),
      after: created,
    });
    return created;
  });
  const path = feedPath(token);
  return { url: `${origin}${path}`, path, createdAt: String(row.created_at) };
}

async function revokeFeed(db: Db, actor: Actor, owner: { userId: string } | { organisationId: string }) {
  const [col, id] = 'userId' in owner ? ['user_id', owner.userId] : ['organisation_id', owner.organisationId];
  await db.transaction(async (tx) => {
    const old = await tx.query<Record<string, unknown>>(
      `delete from calendar_feeds where ${col} = $1 returning id, user_id, organisation_id, created_at`,
      [id],
    );
    if (!old.rows[0]) throw notFound('calendar feed', id);
    await recordAudit(tx, actor, {
      action: 'revoke',
      entityType: 'calendar_feed',
      entityId: String(old.rows[0].id),
      before: old.rows[0],
    });
  });
}

export const createUserFeed = (db: Db, actor: Actor, origin: string) =>
  issueFeed(db, actor, { userId: actor.id! }, origin);
export const revokeUserFeed = (db: Db, actor: Actor) => revokeFeed(db, actor, { userId: actor.id! });

/** A coordinator manages the feed of their own organisation; an administrator that of any. */
async function assertMayManageOrgFeed(q: Queryable, actor: Actor, organisationId: string) {
  const org = await q.query('select 1 from organisations where id = $1', [organisationId]);
  if (!org.rowCount) throw notFound('organisation', organisationId);
  if (isAdmin(actor) || (actor.role === 'coordinator' && actor.organisationId === organisationId)) return;
  throw forbidden(
    'Only a coordinator of this organisation or an administrator may manage its calendar feed.',
  );
}

export async function createOrgFeed(db: Db, actor: Actor, organisationId: string, origin: string) {
  await assertMayManageOrgFeed(db, actor, organisationId);
  return issueFeed(db, actor, { organisationId }, origin);
}

export async function revokeOrgFeed(db: Db, actor: Actor, organisationId: string) {
  await assertMayManageOrgFeed(db, actor, organisationId);
  await revokeFeed(db, actor, { organisationId });
}

const periodText = (lang: Lang, d: Deadline) =>
  d.datePrecision === 'day'
    ? ''
    : lang === 'nl'
      ? ` (${d.datePrecision === 'year' ? 'jaar' : 'maand'} ${d.datePrecision === 'year' ? d.date.slice(0, 4) : d.date.slice(0, 7)}, precieze datum onbekend)`
      : ` (${d.datePrecision} ${d.datePrecision === 'year' ? d.date.slice(0, 4) : d.date.slice(0, 7)}, exact date unknown)`;

/** The iCalendar text of the feed with this token, or 404 for an unknown or revoked token. */
export async function feedCalendar(
  q: Queryable,
  token: string,
  opts: { lang: Lang; origin: string; now?: Date },
): Promise<string> {
  const r = await q.query<{
    user_id: string | null;
    organisation_id: string | null;
    user_name: string | null;
    user_org: string | null;
    org_code: string | null;
  }>(
    `select f.user_id, f.organisation_id, u.name as user_name, u.organisation_id as user_org, o.code as org_code
       from calendar_feeds f left join users u on u.id = f.user_id
       left join organisations o on o.id = f.organisation_id
      where f.token_hash = $1 and (f.user_id is null or u.active)`,
    [hash(token)],
  );
  const feed = r.rows[0];
  if (!feed)
    throw notFound('calendar feed', 'in this link (it was revoked or replaced: ask for the new link)');
  const organisationId = feed.organisation_id ?? feed.user_org ?? undefined;
  const deadlines = await openDeadlines(q, { organisationId });
  const lang = opts.lang;
  const name =
    lang === 'nl'
      ? `Rightsdesk-termijnen${feed.org_code ? ` ${feed.org_code}` : feed.user_name ? ` (${feed.user_name})` : ''}`
      : `Rightsdesk deadlines${feed.org_code ? ` ${feed.org_code}` : feed.user_name ? ` (${feed.user_name})` : ''}`;
  const events: IcsEvent[] = deadlines.map((d) => {
    const overdue = d.overdue ? (lang === 'nl' ? '[VERSTREKEN] ' : '[OVERDUE] ') : '';
    const how = d.derived
      ? lang === 'nl'
        ? `Afgeleide datum${d.overridden ? ' (handmatig aangepast)' : ''}: ${d.rule ?? ''}. Regel niet geverifieerd.`
        : `Derived date${d.overridden ? ' (overridden)' : ''}: ${d.rule ?? ''}. Rule unverified.`
      : lang === 'nl'
        ? 'Vastgelegde datum.'
        : 'Recorded date.';
    return {
      uid: `${d.cycleId}.${d.kind}@rightsdesk`,
      date: d.date,
      summary: `${overdue}${d.instrumentShortName}: ${phaseLabel(lang, d.kind)}${periodText(lang, d)} – ${d.cycleLabel}`,
      description: `${lang === 'nl' ? d.instrumentNameNl : d.instrumentNameEn}\n${how}${
        d.lead ? `\n${lang === 'nl' ? 'Verantwoordelijk' : 'Lead'}: ${d.lead.code}` : ''
      }`,
      url: `${opts.origin}/instruments/${d.instrumentId}`,
      alarmDaysBefore: 14,
    };
  });
  return buildCalendar({ name, events, ...(opts.now ? { now: opts.now } : {}) });
}
