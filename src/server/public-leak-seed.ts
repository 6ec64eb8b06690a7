/**
 * The data of the leak test (public-leak.test.ts): next to what the public may see, things it must
 * never see, each marked with a sentinel string, made through the API by users with distinctive names
 * and e-mail addresses who imported, assigned, recorded, wrote, approved and published them.
 */
import { expect } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { createUser } from '../users/service.ts';
import { UPR_INFO_COLUMNS } from '../recommendations/import-upr-info.ts';
import { multipart, type FilePart } from '../test/multipart.ts';
import { PASSWORD, type Session, type TestApp } from '../test/app.ts';
import { docxFile } from '../consultations/test-fixtures.ts';
import '../letters/generators/all.ts';

/** What must never reach a visitor who is not signed in, as text in any answer. */
export const SENTINELS = [
  'LEAKSENTINEL',
  'Leakname',
  'Sentinelperson',
  'Writerperson',
  'Approverperson',
  'Contactperson',
  'leak.sentinel',
  'leak.writer',
  'leak.approver',
  'leak.contact',
  // Every e-mail address of the test (users, contacts) is at example.org.
  '@example.org',
  'Leakname Sentinelperson',
  'LEAKSENTINEL unpublished',
  'LEAKSENTINEL draft',
  'LEAKSENTINEL internal',
  'LEAKSENTINEL appreciation',
];

/** What the public may see: each must appear in some answer, or the test would prove nothing. */
export const PUBLIC_MARKERS = {
  recommendation: 'PUBLICMARKER published recommendation on the rights of older persons.',
  approved: 'PUBLICMARKER approved progress on the rights of older persons.',
  document: 'PUBLICMARKER public document',
  letter: 'PUBLICMARKER memo on treaty reporting',
  input: 'PUBLICMARKER published input of a civil society organisation.',
};

/** The sentinel texts, each in what must stay internal. */
export const SECRET = {
  recommendation: 'LEAKSENTINEL unpublished recommendation on the rights of older persons.',
  draft: 'LEAKSENTINEL draft update',
  document: 'LEAKSENTINEL internal document',
  input: 'LEAKSENTINEL unpublished input',
};

/** The users, by what they do. */
const PEOPLE = {
  importer: {
    name: 'Leakname Sentinelperson',
    email: 'leak.sentinel@example.org',
    role: 'coordinator',
    org: 'BZK',
  },
  approver: {
    name: 'Leakname Approverperson',
    email: 'leak.approver@example.org',
    role: 'coordinator',
    org: 'VWS',
  },
  writer: {
    name: 'Leakname Writerperson',
    email: 'leak.writer@example.org',
    role: 'contributor',
    org: 'VWS',
  },
} as const;

export interface Seeded {
  /** Every id made, by what it is (the test fills path parameters with all of them). */
  ids: Record<string, string>;
  /** The recommendations' small numbers (the portal's pages may be addressed by them). */
  numbers: string[];
}

async function login(t: TestApp, email: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const me = res.json() as { csrfToken: string; id: string };
  const cookie = res.cookies.find((c) => c.name === 'rd_session')!;
  return { cookie: `rd_session=${cookie.value}`, csrf: me.csrfToken, userId: me.id };
}

/** A call that must succeed; answers its JSON. */
async function ok<T = { id: string; version: number }>(
  t: TestApp,
  who: Session,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await t.call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

async function orgId(t: TestApp, code: string): Promise<string> {
  return (await t.db.query<{ id: string }>('select id from organisations where code = $1', [code])).rows[0]!
    .id;
}

export async function seedLeakData(t: TestApp): Promise<Seeded> {
  const ids: Record<string, string> = {};
  const s: Record<keyof typeof PEOPLE, Session> = {} as never;
  for (const [key, p] of Object.entries(PEOPLE) as [
    keyof typeof PEOPLE,
    (typeof PEOPLE)[keyof typeof PEOPLE],
  ][]) {
    const user = await createUser(t.db, systemActor('test'), {
      email: p.email,
      name: p.name,
      role: p.role,
      organisationId: await orgId(t, p.org),
      password: PASSWORD,
    });
    ids[`user-${key}`] = user.id;
    s[key] = await login(t, p.email);
  }
  const vws = await orgId(t, 'VWS');
  ids.organisation = vws;

  // Two recommendations imported by the sentinel person; one published, one not.
  const csv = [
    UPR_INFO_COLUMNS.join(','),
    `1,Netherlands,WEOG,EU,"${PUBLIC_MARKERS.recommendation}",Portugal,WEOG,EU,Accepted,4,"Older persons",14`,
    `2,Netherlands,WEOG,EU,"${SECRET.recommendation}",Spain,WEOG,EU,Accepted,4,"LEAKSENTINEL spelling",14`,
  ].join('\n');
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/imports/upr-info?fileName=upr-info.csv',
    headers: { 'content-type': 'text/csv', cookie: s.importer.cookie, 'x-csrf-token': s.importer.csrf },
    payload: csv,
  });
  expect(imported.statusCode, imported.body).toBe(200);
  ids.import = (imported.json() as { importId: string }).importId;
  const recs = await t.db.query<{ id: string; n: number; text: string }>(
    'select id, n, text from recommendations',
  );
  ids.published = recs.rows.find((r) => r.text === PUBLIC_MARKERS.recommendation)!.id;
  ids.unpublished = recs.rows.find((r) => r.text === SECRET.recommendation)!.id;
  await ok(t, s.importer, 'POST', '/api/followup/assign', {
    ids: [ids.published, ids.unpublished],
    leadOrganisationId: vws,
  });
  for (const key of ['published', 'unpublished']) {
    const rec = `/api/recommendations/${ids[key]}`;
    await ok(t, s.approver, 'PATCH', `${rec}/position`, {
      position: null,
      appreciation: key === 'published' ? 'PUBLICMARKER appreciation' : 'LEAKSENTINEL appreciation',
      explanation: null,
      version: null,
    });
    // An approved update and a draft beside it, written by one person and approved by another.
    const approved = await ok(t, s.writer, 'POST', `${rec}/progress`, {
      status: 'in_progress',
      text: key === 'published' ? PUBLIC_MARKERS.approved : `${SECRET.draft} (approved, unpublished)`,
    });
    await ok(t, s.approver, 'POST', `/api/progress-updates/${approved.id}/approve`, {
      version: approved.version,
    });
    ids[`progress-${key}`] = approved.id;
    const draft = await ok(t, s.writer, 'POST', `${rec}/progress`, {
      status: 'in_progress',
      text: SECRET.draft,
    });
    ids[`draft-${key}`] = draft.id;
    const file = multipart({}, [{ name: 'leaksentinel-evidence.txt', content: Buffer.from(SECRET.draft) }]);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/progress-updates/${draft.id}/files`,
      payload: file.payload,
      headers: { cookie: s.writer.cookie, 'x-csrf-token': s.writer.csrf, 'content-type': file.contentType },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    ids[`draft-file-${key}`] = (upload.json() as { id: string }).id;
  }
  await ok(t, s.approver, 'POST', `/api/recommendations/${ids.published}/followup/publish`);
  // A comment among civil servants on the published recommendation.
  ids.comment = (
    await ok(t, s.writer, 'POST', '/api/comments', {
      kind: 'recommendation',
      id: ids.published,
      body: 'LEAKSENTINEL internal comment',
    })
  ).id;

  // Documents: a public one and an internal one, filed by the sentinel person.
  const cedaw = await t.db.query<{ id: string }>("select id from instruments where code = 'CEDAW'");
  const instrumentId = cedaw.rows[0]!.id;
  ids['document-public'] = (
    await ok(t, s.importer, 'POST', '/api/documents', {
      title: PUBLIC_MARKERS.document,
      kind: 'memo',
      public: true,
      instrumentId,
    })
  ).id;
  ids['document-internal'] = (
    await ok(t, s.importer, 'POST', '/api/documents', {
      title: SECRET.document,
      kind: 'memo',
      public: false,
      instrumentId,
    })
  ).id;

  await seedLetters(t, s.importer, ids);
  await seedConsultation(t, s.importer, ids);
  return { ids, numbers: recs.rows.map((r) => String(r.n)) };
}

const memo = (title: string, kern: string) => ({
  kind: 'memo',
  fields: {
    to: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'],
    from: ['DG Openbaar Bestuur en Democratische Rechtsstaat'],
    consultedWith: ['JenV'],
    date: '2026-02-06',
    draftedBy: ['Leakname Sentinelperson'],
  },
  purpose: 'decision',
  title,
  aanleiding: 'Vragen aan Leakname Sentinelperson (leak.sentinel@example.org).',
  kern,
});

/** A letters-workspace draft that stays internal, and a memo published under the Woo with its names redacted. */
async function seedLetters(t: TestApp, who: Session, ids: Record<string, string>) {
  ids['letter-draft'] = (
    await ok(t, who, 'POST', '/api/letters', { params: memo(SECRET.document, `${SECRET.document}: kern.`) })
  ).id;
  const id = (
    await ok(t, who, 'POST', '/api/letters', { params: memo(PUBLIC_MARKERS.letter, 'De kern van de nota.') })
  ).id;
  ids['letter-published'] = id;
  const found = await ok<{ version: number; findings: { id: string }[] }>(
    t,
    who,
    'POST',
    `/api/letters/${id}/redactions/search`,
  );
  const reviewed = await ok<{ version: number }>(t, who, 'PATCH', `/api/letters/${id}/redactions`, {
    version: found.version,
    decisions: found.findings.map((f) => ({ id: f.id, decision: 'redact' })),
    reviewed: true,
  });
  await ok(t, who, 'POST', `/api/letters/${id}/publish`, { version: reviewed.version });
}

/** An open consultation with a published submission and one that is not published, each with a file. */
async function seedConsultation(t: TestApp, who: Session, ids: Record<string, string>) {
  const cycle = await t.db.query<{ id: string }>(
    `select cy.id from cycles cy join instruments i on i.id = cy.instrument_id where i.code = 'CEDAW'
      order by cy.sequence desc limit 1`,
  );
  const round = await ok(t, who, 'POST', '/api/consultations', {
    cycleId: cycle.rows[0]!.id,
    titleNl: 'PUBLICMARKER consultatie',
    titleEn: 'PUBLICMARKER consultation',
    descriptionNl: 'Wat moet in de rapportage?',
    descriptionEn: 'What should the report cover?',
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
  });
  ids.consultation = round.id;
  const submit = async (body: string, contact: string, file: FilePart, ip: string) => {
    const token = await t.app.inject({ method: 'GET', url: `/api/consultations/${round.id}/form-token` });
    const mp = multipart(
      {
        formToken: (token.json() as { token: string }).token,
        organisationName: 'Stichting Mensenrechten Nu',
        contactName: contact,
        contactEmail: 'leak.contact@example.org',
        body,
        consentToPublish: 'yes',
        website: '',
      },
      [file],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/consultations/${round.id}/submissions`,
      payload: mp.payload,
      headers: { 'content-type': mp.contentType },
      remoteAddress: ip,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await submit(
    PUBLIC_MARKERS.input,
    'Leakname Contactperson',
    { name: 'inbreng.docx', content: await docxFile('PUBLICMARKER bijlage') },
    '192.0.2.71',
  );
  await submit(
    SECRET.input,
    'Leakname Contactperson',
    { name: 'leaksentinel-inbreng.docx', content: await docxFile(SECRET.input) },
    '192.0.2.72',
  );
  const list = await ok<{
    items: { id: string; body: string; version: number; attachments: { id: string }[] }[];
  }>(t, who, 'GET', `/api/consultations/${round.id}/submissions`);
  for (const sub of list.items) {
    const key = sub.body === PUBLIC_MARKERS.input ? 'published' : 'unpublished';
    ids[`submission-${key}`] = sub.id;
    ids[`attachment-${key}`] = sub.attachments[0]!.id;
  }
  const pub = list.items.find((x) => x.body === PUBLIC_MARKERS.input)!;
  await ok(t, who, 'PATCH', `/api/consultation-submissions/${pub.id}`, {
    status: 'accepted',
    published: true,
    usageNote: 'PUBLICMARKER usage note',
    version: pub.version,
  });
}
