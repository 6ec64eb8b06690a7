import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, fixture, goodFields, hour, pdfFile, type Fixture } from './test-fixtures.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f?.t.close());

let rounds = 0;

/** A round with three submissions from one address: one with consent and a file, one without consent, one spam. */
async function roundWithSubmissions() {
  const c = await f.createConsultation(at(-hour), at(24 * hour));
  const token = await f.formToken(c.id);
  // Another address per round: at most 5 submissions an hour are taken from one.
  const ip = { ip: `203.0.113.${++rounds}` };
  const yes = await f.submit(c.id, goodFields(token), [{ name: 'a.pdf', content: pdfFile() }], ip);
  const no = await f.submit(
    c.id,
    goodFields(token, { organisationName: 'Anoniem Collectief', consentToPublish: 'no' }),
    [],
    ip,
  );
  const spam = await f.submit(c.id, goodFields(token, { organisationName: 'Reclame BV' }), [], ip);
  const [yesId, noId, spamId] = [yes, no, spam].map((r) => (r.json() as { id: string }).id as string);
  return { c, yesId: yesId!, noId: noId!, spamId: spamId! };
}

describe('moderation', () => {
  it('the coordinator accepts, publishes (only with consent), rejects with a reason and records the use', async () => {
    const { c, yesId, noId, spamId } = await roundWithSubmissions();

    // Observers, other coordinators and the public do not see submissions (contact details).
    expect(
      (await f.t.call(await f.t.as('observer'), 'GET', `/api/consultations/${c.id}/submissions`)).statusCode,
    ).toBe(403);
    const other = await f.t.call(
      await f.t.as('coordinator', 'VWS'),
      'GET',
      `/api/consultations/${c.id}/submissions`,
    );
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'consultation.moderate_forbidden',
      params: { instrument: 'CEDAW' },
    });
    expect(other.json().detail).toMatch(/may read and moderate the submissions of this consultation/);
    const list = await f.t.call(f.bzk, 'GET', `/api/consultations/${c.id}/submissions`);
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: { id: string; version: number; contactEmail: string }[] }).items;
    expect(items).toHaveLength(3);
    expect(items[0]!.contactEmail).toBe('jan@example.org');
    expect(list.body).not.toContain('clientHash');
    const v = (id: string) => items.find((i) => i.id === id)!.version;

    const accepted = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${yesId}`, {
      version: v(yesId),
      status: 'accepted',
      published: true,
      usageNote: 'Verwerkt in paragraaf 4 van de rapportage.',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', published: true });

    const noConsent = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${noId}`, {
      version: v(noId),
      status: 'accepted',
      published: true,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().code).toBe('consultation.publish_without_consent');
    expect(noConsent.json().detail).toMatch(/did not consent/);
    const acceptedOnly = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${noId}`, {
      version: v(noId),
      status: 'accepted',
      usageNote: 'Meegenomen in de analyse.',
    });
    expect(acceptedOnly.json()).toMatchObject({ status: 'accepted', published: false });

    const noReason = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: v(spamId),
      status: 'rejected',
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: v(spamId),
      status: 'rejected',
      rejectionReason: 'Reclame, geen inbreng.',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Reclame, geen inbreng.' });
    // A stale edit is refused.
    const stale = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: v(spamId),
      status: 'accepted',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');

    const summary = await f.t.call(f.bzk, 'PATCH', `/api/consultations/${c.id}`, {
      version: c.version,
      usageSummary: 'Twee organisaties gaven inbreng; beide zijn verwerkt.',
    });
    expect(summary.statusCode, summary.body).toBe(200);

    // The public page shows only the accepted submission with consent, without contact details.
    const page = await f.t.call(null, 'GET', `/api/consultations/${c.id}`);
    const body = page.json() as {
      usageSummary: string;
      published: { organisationName: string; usageNote: string; attachments: { id: string }[] }[];
    };
    expect(body.usageSummary).toMatch(/Twee organisaties/);
    expect(body.published.map((p) => p.organisationName)).toEqual(['Stichting Mensenrechten Nu']);
    expect(body.published[0]!.usageNote).toMatch(/paragraaf 4/);
    expect(page.body).not.toContain('jan@example.org');
    const file = await f.t.call(
      null,
      'GET',
      `/api/consultation-attachments/${body.published[0]!.attachments[0]!.id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const moderation = await f.count(
      "audit_events where entity_type = 'consultation_submission' and action = 'update' and entity_id = any($1::text[])",
      [[yesId, noId, spamId]],
    );
    expect(moderation).toBe(3);
  });

  it('a rejection keeps its reason only while rejected, and a rejected submission cannot be published', async () => {
    const { spamId } = await roundWithSubmissions();
    const rejected = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: 1,
      status: 'rejected',
      rejectionReason: 'Reclame.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const publish = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: 2,
      published: true,
    });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().code).toBe('consultation.publish_unaccepted');
    const reopened = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: 2,
      status: 'received',
    });
    expect(reopened.json()).toMatchObject({ status: 'received', rejectionReason: null, published: false });
  });

  it('an unpublished attachment is for the moderators only', async () => {
    const { yesId } = await roundWithSubmissions();
    const r = await f.t.db.query<{ id: string }>(
      'select id from consultation_attachments where submission_id = $1',
      [yesId],
    );
    const url = `/api/consultation-attachments/${r.rows[0]!.id}`;
    expect((await f.t.call(null, 'GET', url)).statusCode).toBe(401);
    const other = await f.t.call(await f.t.as('coordinator', 'VWS'), 'GET', url);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('consultation.moderate_forbidden');
    expect((await f.t.call(await f.t.as('coordinator', 'OCW'), 'GET', url)).statusCode).toBe(200);
    expect((await f.t.call(f.bzk, 'GET', url)).statusCode).toBe(200);
  });
});
