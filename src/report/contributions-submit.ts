/**
 * Sending a contribution: through a request's link without an account (the public form), or
 * signed in as a contributor. Both are refused after the deadline or when the request is closed,
 * checked in the transaction that saves, so nothing is saved then. Through the link, at most a few
 * contributions an hour come from one address; the audit names that sender by a hash of the address
 * only, and keeps the contact details as hashes.
 */
import type { Actor } from '../core/actor.ts';
import { nowIso } from '../core/dates.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { errors } from '../core/errors.ts';
import { insertRow } from '../core/write.ts';
import { publicActor } from '../consultations/submissions.ts';
import { contributionErrors } from './contributions-errors.ts';
import { contributionPolicy } from './contributions-policy.ts';
import { CONTRIBUTIONS, type ContributionRequestRow } from './contributions-rows.ts';
import {
  CONTRIBUTION_LIMITS,
  type ContributionInput,
  type PublicContributionForm,
} from './contributions-schema.ts';
import { assertOpen, isOpen, requestBySecret, requestForUpdate } from './contributions-service.ts';
import { FRAMEWORK_PRIORITIES } from './framework-schema.ts';
import { PRIORITY_LABELS } from './priorities.ts';

/** The titles of the result areas: those of the request's year, else of the latest framework. */
export async function areaTitles(q: Queryable, year: number) {
  const r = await q.query<{ code: number; title_nl: string; title_en: string }>(
    `select distinct on (code) code, title_nl, title_en from framework_areas
      order by code, (year = $1) desc, year desc`,
    [year],
  );
  return [1, 2, 3, 4].map((code) => {
    const a = r.rows.find((x) => x.code === code);
    return {
      code,
      labelNl: a?.title_nl ?? `Resultaatgebied ${code}`,
      labelEn: a?.title_en ?? `Result area ${code}`,
    };
  });
}

/** What the public form shows of the request its link opens. */
export async function publicForm(db: Db, secret: string): Promise<PublicContributionForm> {
  const r = await requestBySecret(db, secret);
  return {
    title: r.title,
    instructions: r.instructions,
    year: r.year,
    deadline: r.deadline,
    open: isOpen(r),
    closed: r.closed,
    areas: await areaTitles(db, r.year),
    priorities: FRAMEWORK_PRIORITIES.map((code) => ({
      code,
      labelNl: PRIORITY_LABELS[code].nl,
      labelEn: PRIORITY_LABELS[code].en,
    })),
    limits: { title: CONTRIBUTION_LIMITS.title, body: CONTRIBUTION_LIMITS.body },
  };
}

/** Throws 429 when this address sent the maximum number of contributions in the past hour. */
async function checkLimit(q: Queryable, hash: string): Promise<void> {
  const r = await q.query<{ n: number; oldest: string | null }>(
    `select count(*)::int as n, min(submitted_at) as oldest from report_contributions
      where client_hash = $1 and submitted_at > now() - interval '1 hour'`,
    [hash],
  );
  const { n, oldest } = r.rows[0]!;
  if (n < CONTRIBUTION_LIMITS.perAddressPerHour) return;
  const retryAfter = Math.max(60, Math.ceil((Date.parse(oldest!) + 3600_000 - Date.parse(nowIso())) / 1000));
  throw contributionErrors.contribution_rate_limited(
    { max: CONTRIBUTION_LIMITS.perAddressPerHour, minutes: Math.ceil(retryAfter / 60) },
    { retryAfter },
  );
}

const fieldsOf = (input: ContributionInput) => ({
  organisation: input.organisation,
  contactName: input.contactName,
  contactEmail: input.contactEmail,
  title: input.title,
  body: input.body,
  areas: [...input.areas].sort(),
  priorities: FRAMEWORK_PRIORITIES.filter((p) => input.priorities.includes(p)),
});

async function save(
  tx: Queryable,
  actor: Actor,
  request: ContributionRequestRow,
  input: ContributionInput,
  who: { submittedBy: string | null; clientHash: string | null },
) {
  assertOpen(request);
  const row = await insertRow(tx, actor, CONTRIBUTIONS, {
    ...fieldsOf(input),
    requestId: request.id,
    ...who,
  });
  return { id: row.id, submittedAt: row.submitted_at };
}

/** A contribution through the request's link, from the address whose keyed hash is given. */
export async function submitByLink(db: Db, secret: string, hash: string, input: ContributionInput) {
  // The honeypot: refused as a wrong field, nothing saved.
  if (input.website) throw errors.validation({ summary: 'the contribution was refused' });
  return db.transaction(async (tx) => {
    const request = await requestBySecret(tx, secret, true);
    assertOpen(request);
    await checkLimit(tx, hash);
    return save(tx, publicActor(hash), request, input, { submittedBy: null, clientHash: hash });
  });
}

/** A contribution sent signed in, to a request by its id. */
export async function submitSignedIn(db: Db, actor: Actor, requestId: string, input: ContributionInput) {
  authorize(contributionPolicy.submit(actor), () => errors.role_forbidden({ role: actor.role }));
  return db.transaction(async (tx) =>
    save(tx, actor, await requestForUpdate(tx, requestId), input, {
      submittedBy: actor.id,
      clientHash: null,
    }),
  );
}
