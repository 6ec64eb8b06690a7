import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { deliverPending } from '../notifications/outbox.ts';
import type { MailMessage, Mailer } from '../notifications/mailer.ts';
import { systemActor } from '../core/actor.ts';
import type { Session } from '../test/app.ts';
import { submissionReference } from './schema.ts';
import { createSubmission } from './submissions.ts';
import { at, fixture, goodFields, hour, pdfFile, type Fixture } from './test-fixtures.ts';

let f: Fixture;
let open: { id: string };
let admin: Session;
beforeAll(async () => {
  f = await fixture();
  open = await f.createConsultation(at(-hour), at(24 * hour));
  admin = await f.t.as('admin');
});
afterAll(() => f?.t.close());

const personal = {
  organisationName: 'Stichting Kwetsbaar Privé',
  contactName: 'Marieke Geheimzaam',
  contactEmail: 'marieke.geheimzaam@example.org',
  body: 'Mijn persoonlijke verhaal over discriminatie op het werk, met details.',
};
const fileName = 'verhaal-van-marieke.pdf';

/** The tables (with the table name) whose rows contain the text anywhere, in any column. */
async function tablesContaining(text: string): Promise<string[]> {
  const tables = await f.t.db.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const r = await f.t.db.query<{ n: number }>(
      `select count(*)::int as n from "${name}" t where strpos(t::text, $1) > 0`,
      [text],
    );
    if (r.rows[0]!.n > 0) found.push(name);
  }
  return found;
}

async function submitPersonal(): Promise<{ id: string; reference: string; emailed: boolean }> {
  const res = await f.submit(open.id, goodFields(await f.formToken(open.id), personal), [
    { name: fileName, content: pdfFile() },
  ]);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('personal data of submitters and the audit trail', () => {
  it('gives a receipt with the reference number of the submission', async () => {
    const receipt = await submitPersonal();
    expect(receipt.reference).toBe(submissionReference(receipt.id));
    expect(receipt.reference).toMatch(/^RD-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    // Without SMTP no e-mail is sent or queued.
    expect(receipt.emailed).toBe(false);
    expect(await f.count('mail_outbox')).toBe(0);
  });

  it('keeps no names, e-mail, text or file name in the audit trail, also after moderation', async () => {
    const receipt = await submitPersonal();
    const list = await f.t.call(f.bzk, 'GET', `/api/consultations/${open.id}/submissions`);
    const s = (list.json() as { items: { id: string; version: number }[] }).items.find(
      (x) => x.id === receipt.id,
    )!;
    const moderated = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${receipt.id}`, {
      status: 'accepted',
      version: s.version,
    });
    expect(moderated.statusCode, moderated.body).toBe(200);
    for (const value of [...Object.values(personal), fileName]) {
      expect(await tablesContaining(value), value).not.toContain('audit_events');
    }
    const created = await f.t.db.query<{ after: { contactEmail: string } }>(
      `select after from audit_events where entity_type = 'consultation_submission' and entity_id = $1
        and action = 'create'`,
      [receipt.id],
    );
    expect(created.rows[0]!.after.contactEmail).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('lets an administrator erase a submission: its data and files are gone, the erase audited, the chain whole', async () => {
    const receipt = await submitPersonal();
    const version = (
      await f.t.db.query<{ version: number }>('select version from consultation_submissions where id = $1', [
        receipt.id,
      ])
    ).rows[0]!.version;

    const coordinator = await f.t.call(f.bzk, 'POST', `/api/consultation-submissions/${receipt.id}/erase`, {
      version,
    });
    expect(coordinator.statusCode).toBe(403);
    const stale = await f.t.call(admin, 'POST', `/api/consultation-submissions/${receipt.id}/erase`, {
      version: version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(await f.count('consultation_submissions where id = $1', [receipt.id])).toBe(1);

    const res = await f.t.call(admin, 'POST', `/api/consultation-submissions/${receipt.id}/erase`, {
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: receipt.id, reference: receipt.reference, attachments: 1 });
    expect(await f.count('consultation_submissions where id = $1', [receipt.id])).toBe(0);
    expect(await f.count('consultation_attachments where submission_id = $1', [receipt.id])).toBe(0);

    const erased = await f.t.db.query<{ actor_id: string; before: { reference: string } }>(
      `select actor_id, before from audit_events where action = 'erase' and entity_type = 'consultation_submission'
        and entity_id = $1`,
      [receipt.id],
    );
    expect(erased.rows).toHaveLength(1);
    expect(erased.rows[0]!.actor_id).toBe(admin.userId);
    expect(erased.rows[0]!.before.reference).toBe(receipt.reference);
    expect(await verifyAuditChain(f.t.db)).toMatchObject({ brokenAt: null });
  });

  it('erases every trace once all submissions with the data are erased', async () => {
    const rows = await f.t.db.query<{ id: string; version: number }>(
      'select id, version from consultation_submissions where contact_email = $1',
      [personal.contactEmail],
    );
    for (const r of rows.rows) {
      const res = await f.t.call(admin, 'POST', `/api/consultation-submissions/${r.id}/erase`, {
        version: r.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const value of [...Object.values(personal), fileName])
      expect(await tablesContaining(value)).toEqual([]);
    expect(await verifyAuditChain(f.t.db)).toMatchObject({ brokenAt: null });
  });
});

describe('the receipt by e-mail', () => {
  it('is queued with the reference when the installation sends mail, sent after the commit, erased with the submission', async () => {
    const receipt = await createSubmission(
      f.t.db,
      open.id,
      'test-hash-receipt',
      { ...personal, consentToPublish: false },
      [],
      { emailReceipt: true },
    );
    expect(receipt.emailed).toBe(true);
    const queued = await f.t.db.query<{ to_address: string; subject: string; body: string; status: string }>(
      `select to_address, subject, body, status from mail_outbox where dedupe_key = $1`,
      [`consultation-receipt:${receipt.id}`],
    );
    expect(queued.rows[0]).toMatchObject({ to_address: personal.contactEmail, status: 'pending' });
    expect(queued.rows[0]!.subject).toContain(receipt.reference);
    expect(queued.rows[0]!.body).toContain(receipt.reference);
    expect(queued.rows[0]!.body).toContain('Consultatie zevende rapportage');

    const sent: MailMessage[] = [];
    const mailer: Mailer = {
      from: 'test@example.org',
      send: async (m) => {
        sent.push(m);
      },
      close: () => undefined,
    };
    expect(await deliverPending(f.t.db, mailer, systemActor('test'))).toEqual({ sent: 1, failed: 0 });
    expect(sent[0]).toMatchObject({ to: personal.contactEmail });
    expect(sent[0]!.text).toContain(receipt.reference);
    expect(await tablesContaining(personal.contactEmail)).toEqual([
      'consultation_submissions',
      'mail_outbox',
    ]);

    const version = (
      await f.t.db.query<{ version: number }>('select version from consultation_submissions where id = $1', [
        receipt.id,
      ])
    ).rows[0]!.version;
    const res = await f.t.call(admin, 'POST', `/api/consultation-submissions/${receipt.id}/erase`, {
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await tablesContaining(personal.contactEmail)).toEqual([]);
    expect(await verifyAuditChain(f.t.db)).toMatchObject({ brokenAt: null });
  });
});
