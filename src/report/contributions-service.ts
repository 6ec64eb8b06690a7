/**
 * Requests for contributions to the annual report: made, edited and closed by those who manage the
 * report; each has a secret link (`/bijdrage/<secret>`) whose SHA-256 alone is stored, so the link is
 * shown once, when made or replaced. The contributions are read with their request; the contact
 * details only by those who manage.
 */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import { nowIso } from '../core/dates.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors, notFound } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { getRow, insertRow, updateRow } from '../core/write.ts';
import { contributionErrors } from './contributions-errors.ts';
import { contributionPolicy, requestAbilities } from './contributions-policy.ts';
import {
  REQUESTS,
  type ContributionRequestListRow,
  type ContributionRequestRow,
  type ContributionRow,
} from './contributions-rows.ts';
import type {
  Contribution,
  ContributionRequest,
  ContributionRequestCreate,
  ContributionRequestDetail,
  ContributionRequestList,
  ContributionRequestUpdate,
  ContributionRequestWithLink,
} from './contributions-schema.ts';

/** The path of the public form of a request, with its secret. */
export const LINK_PATH = '/bijdrage/';

export const linkHash = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex');
const newSecret = () => crypto.randomBytes(32).toString('base64url');

/** Whether a request takes contributions now: not closed and before its deadline. */
export const isOpen = (r: Pick<ContributionRequestRow, 'closed' | 'deadline'>, now = nowIso()): boolean =>
  !r.closed && Date.parse(now) < Date.parse(r.deadline);

/** Refuses a contribution to a closed request or after its deadline, saying which. */
export function assertOpen(r: ContributionRequestRow, now = nowIso()): void {
  if (r.closed) throw contributionErrors.contribution_request_closed({ title: r.title });
  if (!isOpen(r, now))
    throw contributionErrors.contribution_deadline_passed({ title: r.title, deadline: r.deadline });
}

const mayRead = (actor: Actor) =>
  authorize(contributionPolicy.read(actor), () => errors.role_forbidden({ role: actor.role }));
export const mayManage = (actor: Actor) =>
  authorize(contributionPolicy.manage(actor), () => contributionErrors.contribution_manage_forbidden());

const COUNT = `(select count(*)::int from report_contributions c where c.request_id = r.id) as contribution_count`;

async function requestRow(q: Queryable, id: string): Promise<ContributionRequestListRow> {
  const r = await q.query<ContributionRequestListRow>(
    `select r.*, ${COUNT} from report_contribution_requests r where r.id = $1`,
    [id],
  );
  if (!r.rows[0]) throw notFound(REQUESTS.entity, id);
  return r.rows[0];
}

export function presentRequest(actor: Actor | null, r: ContributionRequestListRow): ContributionRequest {
  const open = isOpen(r);
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    instructions: r.instructions,
    addressees: r.addressees,
    deadline: r.deadline,
    closed: r.closed,
    open,
    contributionCount: r.contribution_count,
    abilities: requestAbilities(actor, open),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentContribution(actor: Actor, c: ContributionRow, exampleAreas: number[]): Contribution {
  const manage = contributionPolicy.manage(actor);
  return {
    id: c.id,
    requestId: c.request_id,
    organisation: c.organisation,
    contactName: manage ? c.contact_name : null,
    contactEmail: manage ? c.contact_email : null,
    title: c.title,
    body: c.body,
    areas: c.areas,
    priorities: c.priorities,
    signedIn: c.submitted_by !== null,
    submittedAt: c.submitted_at,
    exampleAreas,
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export async function listRequests(db: Db, actor: Actor, year: number): Promise<ContributionRequestList> {
  mayRead(actor);
  const r = await db.query<ContributionRequestListRow>(
    `select r.*, ${COUNT} from report_contribution_requests r where r.year = $1
      order by r.deadline desc, r.created_at desc, r.id`,
    [year],
  );
  return {
    year,
    items: r.rows.map((row) => presentRequest(actor, row)),
    abilities: { manage: contributionPolicy.manage(actor) },
  };
}

export async function getRequest(db: Db, actor: Actor, id: string): Promise<ContributionRequestDetail> {
  mayRead(actor);
  const row = await requestRow(db, id);
  const contributions = await db.query<ContributionRow & { example_areas: number[] }>(
    `select c.*, coalesce((select array_agg(e.area_code order by e.area_code) from report_examples e
                            where e.contribution_id = c.id), '{}') as example_areas
       from report_contributions c where c.request_id = $1 order by c.submitted_at, c.id`,
    [id],
  );
  return {
    ...presentRequest(actor, row),
    contributions: contributions.rows.map((c) => presentContribution(actor, c, c.example_areas)),
  };
}

const withLink = (r: ContributionRequest, secret: string): ContributionRequestWithLink => ({
  ...r,
  link: `${LINK_PATH}${secret}`,
});

export async function createRequest(
  db: Db,
  actor: Actor,
  input: ContributionRequestCreate,
): Promise<ContributionRequestWithLink> {
  mayManage(actor);
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const row = await insertRow(tx, actor, REQUESTS, {
      ...input,
      deadline: new Date(input.deadline).toISOString(),
      linkHash: linkHash(secret),
      closed: false,
    });
    return withLink(presentRequest(actor, { ...row, contribution_count: 0 }), secret);
  });
}

export async function updateRequest(
  db: Db,
  actor: Actor,
  id: string,
  input: ContributionRequestUpdate,
): Promise<ContributionRequest> {
  mayManage(actor);
  return db.transaction(async (tx) => {
    await updateRow(tx, actor, REQUESTS, id, {
      ...input,
      deadline: input.deadline === undefined ? undefined : new Date(input.deadline).toISOString(),
    });
    return presentRequest(actor, await requestRow(tx, id));
  });
}

/** Closes a request: its link takes no more contributions. */
export async function closeRequest(db: Db, actor: Actor, id: string, version: number) {
  mayManage(actor);
  return db.transaction(async (tx) => {
    await updateRow(tx, actor, REQUESTS, id, { closed: true, version });
    return presentRequest(actor, await requestRow(tx, id));
  });
}

/** Replaces a request's link: the old one no longer opens the form; the new one is in this answer only. */
export async function renewLink(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
): Promise<ContributionRequestWithLink> {
  mayManage(actor);
  const secret = newSecret();
  return db.transaction(async (tx) => {
    await updateRow(tx, actor, REQUESTS, id, { linkHash: linkHash(secret), version });
    return withLink(presentRequest(actor, await requestRow(tx, id)), secret);
  });
}

/** The request a link opens; 404 for an unknown (or replaced) link. */
export async function requestBySecret(q: Queryable, secret: string, lock = false) {
  const r = await q.query<ContributionRequestRow>(
    `select * from report_contribution_requests where link_hash = $1${lock ? ' for update' : ''}`,
    [linkHash(secret)],
  );
  if (!r.rows[0]) throw notFound('contribution_form', 'link');
  return r.rows[0];
}

/** The request by its id for a signed-in contributor, locked for the contribution's transaction. */
export const requestForUpdate = (q: Queryable, id: string) => getRow(q, REQUESTS, id, true);
