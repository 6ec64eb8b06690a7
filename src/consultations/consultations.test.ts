import crypto from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { SUBMISSION_LIMITS } from './schema.ts';

let t: TestApp;
let bzk: Session;
let cycleId: string; // a CEDAW cycle: lead OCW, coordinating BZK
let iccprCycleId: string;

const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
  const r = await t.db.query<{ id: string; code: string }>(
    `select cy.id, i.code from cycles cy join instruments i on i.id = cy.instrument_id
      where i.code in ('CEDAW', 'ICCPR') order by cy.sequence desc`,
  );
  cycleId = r.rows.find((c) => c.code === 'CEDAW')!.id;
  iccprCycleId = r.rows.find((c) => c.code === 'ICCPR')!.id;
});
afterAll(() => t?.close());

// ---- files and multipart bodies ----

async function docxFile(text = 'Inbreng van de organisatie'): Promise<Buffer> {
  const z = new JSZip();
  z.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  z.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  z.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return z.generateAsync({ type: 'nodebuffer' });
}
const pdfFile = (extra = '') =>
  Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n${extra}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const exeFile = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254, 0x90)]);

interface FilePart {
  name: string;
  content: Buffer;
  type?: string;
}
function multipart(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----rd${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n` +
          `Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function createConsultation(opensAt: string, closesAt: string, cycle = cycleId) {
  const res = await t.call(bzk, 'POST', '/api/consultations', {
    cycleId: cycle,
    titleNl: 'Consultatie zevende rapportage',
    titleEn: 'Consultation on the seventh report',
    descriptionNl: 'Wat moet in de rapportage?',
    descriptionEn: 'What should the report cover?',
    opensAt,
    closesAt,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; version: number };
}

async function formToken(id: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: `/api/consultations/${id}/form-token` });
  expect(res.statusCode).toBe(200);
  return (res.json() as { token: string }).token;
}

const goodFields = (token: string, extra: Record<string, string> = {}) => ({
  formToken: token,
  organisationName: 'Stichting Mensenrechten Nu',
  contactName: 'Jan Jansen',
  contactEmail: 'jan@example.org',
  body: 'Wij vragen aandacht voor de positie van vrouwen op de arbeidsmarkt.',
  consentToPublish: 'yes',
  website: '',
  ...extra,
});

async function submit(
  id: string,
  fields: Record<string, string>,
  files: FilePart[] = [],
  opts: { ip?: string; origin?: string } = {},
) {
  const mp = multipart(fields, files);
  return t.app.inject({
    method: 'POST',
    url: `/api/consultations/${id}/submissions`,
    payload: mp.payload,
    headers: { 'content-type': mp.contentType, ...(opts.origin ? { origin: opts.origin } : {}) },
    remoteAddress: opts.ip ?? '192.0.2.10',
  });
}

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n;

describe('consultation rounds', () => {
  it('a coordinator of the coordinating ministry creates one; its status follows the dates', async () => {
    const open = await createConsultation(at(-hour), at(24 * hour));
    expect(open.status).toBe('open');
    const planned = await createConsultation(at(24 * hour), at(48 * hour));
    expect(planned.status).toBe('planned');
    const closed = await createConsultation(at(-48 * hour), at(-hour));
    expect(closed.status).toBe('closed');
    const audit = await count("audit_events where entity_type = 'consultation' and entity_id = $1", [
      open.id,
    ]);
    expect(audit).toBe(1);
    const list = await t.call(null, 'GET', `/api/consultations?cycleId=${cycleId}&status=open`);
    expect((list.json() as { items: { id: string }[] }).items.map((c) => c.id)).toContain(open.id);
  });

  it('refuses a closing date before the opening date, and saves nothing', async () => {
    const before = await count('consultations');
    const res = await t.call(bzk, 'POST', '/api/consultations', {
      cycleId,
      titleNl: 'Verkeerd',
      titleEn: 'Wrong',
      opensAt: at(48 * hour),
      closesAt: at(24 * hour),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/closing date and time must come after the opening/);
    expect(await count('consultations')).toBe(before);
    // Also on an edit that moves only one of the dates.
    const c = await createConsultation(at(-hour), at(24 * hour));
    const edit = await t.call(bzk, 'PATCH', `/api/consultations/${c.id}`, {
      version: c.version,
      closesAt: at(-2 * hour),
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().detail).toMatch(/closing date .* must come after the opening date/);
  });

  it('only coordinators of the lead or coordinating organisation (or an admin) create them', async () => {
    const ocw = await t.as('coordinator', 'OCW'); // lead of CEDAW
    const vws = await t.as('coordinator', 'VWS');
    const body = {
      cycleId,
      titleNl: 'x',
      titleEn: 'x',
      opensAt: at(hour),
      closesAt: at(2 * hour),
    };
    expect((await t.call(ocw, 'POST', '/api/consultations', body)).statusCode).toBe(201);
    const refused = await t.call(vws, 'POST', '/api/consultations', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/lead or coordinating organisation/);
    expect(
      (await t.call(ocw, 'POST', '/api/consultations', { ...body, cycleId: iccprCycleId })).statusCode,
    ).toBe(403);
  });
});

describe('the public submission form', () => {
  let open: { id: string };
  beforeAll(async () => {
    open = await createConsultation(at(-hour), at(24 * hour));
  });

  it('takes a submission without an account, with attachments stored with their sha256', async () => {
    const docx = await docxFile();
    const res = await submit(open.id, goodFields(await formToken(open.id)), [
      { name: 'inbreng.docx', content: docx },
      { name: 'bijlage.pdf', content: pdfFile() },
      { name: 'notitie.txt', content: Buffer.from('Korte toelichting, met é en ë.') },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json() as {
      id: string;
      attachments: { id: string; sha256: string; fileName: string }[];
    };
    expect(receipt.attachments.map((a) => a.fileName)).toEqual([
      'inbreng.docx',
      'bijlage.pdf',
      'notitie.txt',
    ]);
    expect(receipt.attachments[0]!.sha256).toBe(crypto.createHash('sha256').update(docx).digest('hex'));
    const stored = await t.db.query<{ content: Uint8Array }>(
      'select content from consultation_attachments where id = $1',
      [receipt.attachments[0]!.id],
    );
    expect(Buffer.from(stored.rows[0]!.content).equals(docx)).toBe(true);
    // The audit names the anonymous submitter by a hash of the address, never the address itself.
    const audit = await t.db.query<{ actor_label: string; after: unknown }>(
      `select actor_label, after from audit_events where entity_type like 'consultation_%' and
        (entity_id = $1 or after->>'submissionId' = $1)`,
      [receipt.id],
    );
    expect(audit.rows).toHaveLength(4);
    for (const a of audit.rows) {
      expect(a.actor_label).toMatch(/^public:[A-Za-z0-9_-]{16}$/);
      expect(JSON.stringify(a)).not.toContain('192.0.2.10');
    }
    // Not public until accepted and published.
    const page = await t.call(null, 'GET', `/api/consultations/${open.id}`);
    expect(page.json().published).toEqual([]);
    expect(
      (await t.call(null, 'GET', `/api/consultation-attachments/${receipt.attachments[0]!.id}`)).statusCode,
    ).toBe(401);
  });

  const refusals: [string, () => Promise<FilePart[]>, number, RegExp][] = [
    [
      'an executable renamed .pdf',
      async () => [{ name: 'rapport.pdf', content: exeFile() }],
      415,
      /content is of type \.exe/,
    ],
    [
      'a text file renamed .docx',
      async () => [{ name: 'rapport.docx', content: Buffer.from('gewoon tekst') }],
      415,
      /content is not a \.docx file/,
    ],
    [
      'a zip that claims to be Word but is not',
      async () => {
        const z = new JSZip();
        z.file('[Content_Types].xml', 'wordprocessingml.document.main+xml');
        return [{ name: 'nep.docx', content: await z.generateAsync({ type: 'nodebuffer' }) }];
      },
      415,
      /nep\.docx/,
    ],
    ['an .exe', async () => [{ name: 'setup.exe', content: exeFile() }], 415, /"\.exe" is not an accepted/],
    [
      'a file over 10 MB',
      async () => [{ name: 'groot.pdf', content: pdfFile('x'.repeat(SUBMISSION_LIMITS.maxFileBytes)) }],
      413,
      /larger than 10 MB/,
    ],
    [
      'four files',
      async () => [1, 2, 3, 4].map((i) => ({ name: `b${i}.pdf`, content: pdfFile() })),
      413,
      /at most 3 files/,
    ],
  ];
  for (const [what, files, status, message] of refusals) {
    it(`refuses ${what}, and saves nothing`, async () => {
      const before = await count('consultation_submissions');
      const res = await submit(open.id, goodFields(await formToken(open.id)), await files(), {
        ip: '192.0.2.20',
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(message);
      expect(await count('consultation_submissions')).toBe(before);
    });
  }

  it('refuses a submission without the consent answer, naming the field', async () => {
    const fields: Record<string, string> = goodFields(await formToken(open.id));
    delete fields.consentToPublish;
    const res = await submit(open.id, fields, [], { ip: '192.0.2.21' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.consentToPublish', message: 'answer whether your input may be published (yes or no)' },
    ]);
  });

  it('refuses a filled-in honeypot, a missing or forged form token, a cross-site origin and a non-multipart body', async () => {
    const before = await count('consultation_submissions');
    const token = await formToken(open.id);
    const honey = await submit(open.id, goodFields(token, { website: 'http://spam.example' }), [], {
      ip: '192.0.2.22',
    });
    expect(honey.statusCode).toBe(400);
    const noToken = await submit(open.id, goodFields(''), [], { ip: '192.0.2.22' });
    expect(noToken.statusCode).toBe(400);
    const forged = await submit(open.id, goodFields(`${Date.now()}.AAAA`), [], { ip: '192.0.2.22' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('form_token');
    const other = await createConsultation(at(-hour), at(hour));
    const wrongPage = await submit(open.id, goodFields(await formToken(other.id)), [], { ip: '192.0.2.22' });
    expect(wrongPage.statusCode).toBe(403);
    const crossSite = await submit(open.id, goodFields(token), [], {
      ip: '192.0.2.22',
      origin: 'https://evil.example',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('cross_site');
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/consultations/${open.id}/submissions`,
      payload: goodFields(token),
    });
    expect(json.statusCode).toBe(415);
    expect(await count('consultation_submissions')).toBe(before);
    // The same origin is fine.
    const same = await submit(open.id, goodFields(token), [], {
      ip: '192.0.2.22',
      origin: 'http://localhost:80',
    });
    expect(same.statusCode, same.body).toBe(201);
  });

  it('refuses submissions before opening and after closing, with the dates, and saves nothing', async () => {
    const planned = await createConsultation(at(hour), at(2 * hour));
    const closed = await createConsultation(at(-2 * hour), at(-hour));
    const before = await count('consultation_submissions');
    const filesBefore = await count('consultation_attachments');
    const early = await submit(planned.id, goodFields(await formToken(planned.id)), [], { ip: '192.0.2.30' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/not open yet: it opens on/);
    const late = await submit(closed.id, goodFields(await formToken(closed.id)), [
      { name: 'a.pdf', content: pdfFile() },
    ]);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/closed on .*no longer accepted/);
    expect(await count('consultation_submissions')).toBe(before);
    expect(await count('consultation_attachments')).toBe(filesBefore);
  });

  it(`allows ${SUBMISSION_LIMITS.perAddressPerHour} submissions per address per hour, then says when to try again`, async () => {
    const ip = '198.51.100.7';
    const token = await formToken(open.id);
    for (let i = 0; i < SUBMISSION_LIMITS.perAddressPerHour; i++) {
      const ok = await submit(open.id, goodFields(token, { body: `Inbreng ${i}` }), [], { ip });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const before = await count('consultation_submissions');
    const tooMany = await submit(open.id, goodFields(token), [], { ip });
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().detail).toMatch(/Too many submissions from your address: at most 5 per hour/);
    expect(Number(tooMany.headers['retry-after'])).toBeGreaterThan(0);
    expect(await count('consultation_submissions')).toBe(before);
    // Another address is not affected.
    expect((await submit(open.id, goodFields(token), [], { ip: '198.51.100.8' })).statusCode).toBe(201);
  });
});

describe('moderation', () => {
  it('the coordinator accepts, publishes (only with consent), rejects with a reason and records the use', async () => {
    const c = await createConsultation(at(-hour), at(24 * hour));
    const token = await formToken(c.id);
    const yes = await submit(c.id, goodFields(token), [{ name: 'a.pdf', content: pdfFile() }], {
      ip: '203.0.113.1',
    });
    const no = await submit(
      c.id,
      goodFields(token, { organisationName: 'Anoniem Collectief', consentToPublish: 'no' }),
      [],
      {
        ip: '203.0.113.1',
      },
    );
    const spam = await submit(c.id, goodFields(token, { organisationName: 'Reclame BV' }), [], {
      ip: '203.0.113.1',
    });
    const [yesId, noId, spamId] = [yes, no, spam].map((r) => (r.json() as { id: string }).id);

    // Observers, other coordinators and the public do not see submissions (contact details).
    expect(
      (await t.call(await t.as('observer'), 'GET', `/api/consultations/${c.id}/submissions`)).statusCode,
    ).toBe(403);
    expect(
      (await t.call(await t.as('coordinator', 'VWS'), 'GET', `/api/consultations/${c.id}/submissions`))
        .statusCode,
    ).toBe(403);
    const list = await t.call(bzk, 'GET', `/api/consultations/${c.id}/submissions`);
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: { id: string; version: number; contactEmail: string }[] }).items;
    expect(items).toHaveLength(3);
    expect(items[0]!.contactEmail).toBe('jan@example.org');
    const v = (id: string) => items.find((i) => i.id === id)!.version;

    const accepted = await t.call(bzk, 'PATCH', `/api/consultation-submissions/${yesId}`, {
      version: v(yesId!),
      status: 'accepted',
      published: true,
      usageNote: 'Verwerkt in paragraaf 4 van de rapportage.',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', published: true });

    const noConsent = await t.call(bzk, 'PATCH', `/api/consultation-submissions/${noId}`, {
      version: v(noId!),
      status: 'accepted',
      published: true,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().detail).toMatch(/did not consent/);
    const acceptedOnly = await t.call(bzk, 'PATCH', `/api/consultation-submissions/${noId}`, {
      version: v(noId!),
      status: 'accepted',
      usageNote: 'Meegenomen in de analyse.',
    });
    expect(acceptedOnly.json()).toMatchObject({ status: 'accepted', published: false });

    const noReason = await t.call(bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: v(spamId!),
      status: 'rejected',
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.call(bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: v(spamId!),
      status: 'rejected',
      rejectionReason: 'Reclame, geen inbreng.',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Reclame, geen inbreng.' });
    // A stale edit is refused.
    const stale = await t.call(bzk, 'PATCH', `/api/consultation-submissions/${spamId}`, {
      version: v(spamId!),
      status: 'accepted',
    });
    expect(stale.statusCode).toBe(409);

    const summary = await t.call(bzk, 'PATCH', `/api/consultations/${c.id}`, {
      version: c.version,
      usageSummary: 'Twee organisaties gaven inbreng; beide zijn verwerkt.',
    });
    expect(summary.statusCode, summary.body).toBe(200);

    // The public page shows only the accepted submission with consent, without contact details.
    const page = await t.call(null, 'GET', `/api/consultations/${c.id}`);
    const body = page.json() as {
      usageSummary: string;
      published: { organisationName: string; usageNote: string; attachments: { id: string }[] }[];
    };
    expect(body.usageSummary).toMatch(/Twee organisaties/);
    expect(body.published.map((p) => p.organisationName)).toEqual(['Stichting Mensenrechten Nu']);
    expect(body.published[0]!.usageNote).toMatch(/paragraaf 4/);
    expect(page.body).not.toContain('jan@example.org');
    const file = await t.call(
      null,
      'GET',
      `/api/consultation-attachments/${body.published[0]!.attachments[0]!.id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const moderation = await count(
      "audit_events where entity_type = 'consultation_submission' and action = 'update' and entity_id = any($1::text[])",
      [[yesId, noId, spamId]],
    );
    expect(moderation).toBe(3);
  });
});
