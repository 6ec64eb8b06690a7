import crypto from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationErrors } from './errors.ts';
import { checkFormToken } from './form-token.ts';
import { SUBMISSION_LIMITS } from './schema.ts';
import {
  at,
  docxFile,
  exeFile,
  fixture,
  goodFields,
  hour,
  pdfFile,
  type FilePart,
  type Fixture,
} from './test-fixtures.ts';

let f: Fixture;
let open: { id: string };
beforeAll(async () => {
  f = await fixture();
  open = await f.createConsultation(at(-hour), at(24 * hour));
});
afterAll(() => f?.t.close());

describe('the public submission form', () => {
  it('takes a submission without an account, with attachments stored with their sha256', async () => {
    const docx = await docxFile();
    const res = await f.submit(open.id, goodFields(await f.formToken(open.id)), [
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
    const stored = await f.t.db.query<{ content: Uint8Array }>(
      'select content from consultation_attachments where id = $1',
      [receipt.attachments[0]!.id],
    );
    expect(Buffer.from(stored.rows[0]!.content).equals(docx)).toBe(true);
    // The audit names the anonymous submitter by a hash of the address, never the address itself.
    const audit = await f.t.db.query<{ actor_label: string; after: unknown }>(
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
    const page = await f.t.call(null, 'GET', `/api/consultations/${open.id}`);
    expect(page.json().published).toEqual([]);
    const file = await f.t.call(null, 'GET', `/api/consultation-attachments/${receipt.attachments[0]!.id}`);
    expect(file.statusCode).toBe(401);
    expect(file.json().code).toBe('consultation.attachment_unpublished');
  });

  const refusals: [string, () => Promise<FilePart[]>, number, string, RegExp][] = [
    [
      'an executable renamed .pdf',
      async () => [{ name: 'rapport.pdf', content: exeFile() }],
      415,
      'consultation.file_content_mismatch',
      /content is of type \.exe/,
    ],
    [
      'a text file renamed .docx',
      async () => [{ name: 'rapport.docx', content: Buffer.from('gewoon tekst') }],
      415,
      'consultation.file_content_mismatch',
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
      'consultation.file_content_mismatch',
      /nep\.docx/,
    ],
    [
      'an .exe',
      async () => [{ name: 'setup.exe', content: exeFile() }],
      415,
      'consultation.file_type_not_accepted',
      /"\.exe" is not an accepted/,
    ],
    [
      'a file over 10 MB',
      async () => [{ name: 'groot.pdf', content: pdfFile('x'.repeat(SUBMISSION_LIMITS.maxFileBytes)) }],
      413,
      'consultation.upload_too_large',
      /larger than 10 MB/,
    ],
    [
      'four files',
      async () => [1, 2, 3, 4].map((i) => ({ name: `b${i}.pdf`, content: pdfFile() })),
      413,
      'consultation.too_many_files',
      /at most 3 files/,
    ],
  ];
  for (const [i, [what, files, status, code, message]] of refusals.entries()) {
    it(`refuses ${what}, and saves nothing`, async () => {
      const before = await f.count('consultation_submissions');
      // Each from its own address: refused uploads count toward the hourly limit of an address.
      const res = await f.submit(open.id, goodFields(await f.formToken(open.id)), await files(), {
        ip: `192.0.2.${120 + i}`,
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
      expect(res.json().detail).toMatch(message);
      expect(await f.count('consultation_submissions')).toBe(before);
    });
  }

  it('refuses a submission without the consent answer, naming the field', async () => {
    const fields: Record<string, string> = goodFields(await f.formToken(open.id));
    delete fields.consentToPublish;
    const res = await f.submit(open.id, fields, [], { ip: '192.0.2.21' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('consultation.submission_invalid');
    expect(res.json().errors).toEqual([
      { path: 'body.consentToPublish', message: 'answer whether your input may be published (yes or no)' },
    ]);
  });

  it('refuses a filled-in honeypot, a missing or forged form token, a cross-site origin and a non-multipart body', async () => {
    const before = await f.count('consultation_submissions');
    const token = await f.formToken(open.id);
    const honey = await f.submit(open.id, goodFields(token, { website: 'http://spam.example' }), [], {
      ip: '192.0.2.22',
    });
    expect(honey.statusCode).toBe(400);
    const noToken = await f.submit(open.id, goodFields(''), [], { ip: '192.0.2.22' });
    expect(noToken.statusCode).toBe(400);
    const forged = await f.submit(open.id, goodFields(`${Date.now()}.AAAA`), [], { ip: '192.0.2.22' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('consultation.form_token_invalid');
    const other = await f.createConsultation(at(-hour), at(hour));
    const wrongPage = await f.submit(open.id, goodFields(await f.formToken(other.id)), [], {
      ip: '192.0.2.22',
    });
    expect(wrongPage.statusCode).toBe(403);
    const crossSite = await f.submit(open.id, goodFields(token), [], {
      ip: '192.0.2.22',
      origin: 'https://evil.example',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('consultation.cross_site');
    const json = await f.t.app.inject({
      method: 'POST',
      url: `/api/consultations/${open.id}/submissions`,
      payload: goodFields(token),
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('consultation.multipart_required');
    expect(await f.count('consultation_submissions')).toBe(before);
    // The same origin is fine.
    const same = await f.submit(open.id, goodFields(token), [], {
      ip: '192.0.2.22',
      origin: 'http://localhost:80',
    });
    expect(same.statusCode, same.body).toBe(201);
  });

  it('refuses an expired form token', async () => {
    const token = await f.formToken(open.id);
    const later = Number(token.split('.')[0]) + 7 * hour;
    await expect(checkFormToken(f.t.db, open.id, token, later - 2 * hour)).resolves.toBeUndefined();
    await expect(checkFormToken(f.t.db, open.id, token, later)).rejects.toMatchObject({
      code: 'consultation.form_expired',
      status: 403,
    });
  });

  it('refuses submissions before opening and after closing, with the dates, and saves nothing', async () => {
    const planned = await f.createConsultation(at(hour), at(2 * hour));
    const closed = await f.createConsultation(at(-2 * hour), at(-hour));
    const before = await f.count('consultation_submissions');
    const filesBefore = await f.count('consultation_attachments');
    const early = await f.submit(planned.id, goodFields(await f.formToken(planned.id)), [], {
      ip: '192.0.2.30',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'consultation.not_open' });
    expect(early.json().detail).toMatch(/not open yet: it opens on/);
    const late = await f.submit(closed.id, goodFields(await f.formToken(closed.id)), [
      { name: 'a.pdf', content: pdfFile() },
    ]);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'consultation.closed',
      params: { closesAt: expect.any(String) },
    });
    expect(late.json().detail).toMatch(/closed on .*no longer accepted/);
    expect(await f.count('consultation_submissions')).toBe(before);
    expect(await f.count('consultation_attachments')).toBe(filesBefore);
  });

  it(`allows ${SUBMISSION_LIMITS.perAddressPerHour} submissions per address per hour, then says when to try again`, async () => {
    const ip = '198.51.100.7';
    const token = await f.formToken(open.id);
    for (let i = 0; i < SUBMISSION_LIMITS.perAddressPerHour; i++) {
      const ok = await f.submit(open.id, goodFields(token, { body: `Inbreng ${i}` }), [], { ip });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const before = await f.count('consultation_submissions');
    const tooMany = await f.submit(open.id, goodFields(token), [], { ip });
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().detail).toMatch(/Too many submissions from your address: at most 5 per hour/);
    const retryAfter = Number(tooMany.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(tooMany.json()).toMatchObject({
      code: 'consultation.rate_limited',
      params: { max: 5, minutes: Math.ceil(retryAfter / 60) },
    });
    expect(await f.count('consultation_submissions')).toBe(before);
    // Another address is not affected.
    expect((await f.submit(open.id, goodFields(token), [], { ip: '198.51.100.8' })).statusCode).toBe(201);
  });
});

describe('the messages of the public page', () => {
  it('every error has an English and a Dutch text, the English one as the API says it', () => {
    const codes = Object.keys(consultationErrors.catalogue);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      const m = consultationErrors.catalogue[code]!;
      const params = { fileName: 'a.pdf', ext: 'pdf', mb: 10, max: 5, minutes: 3, instrument: 'CEDAW' };
      expect(m.en(params), code).not.toBe('');
      expect(m.nl(params), code).not.toBe(m.en(params));
    }
    const err = consultationErrors.rate_limited({ max: 5, minutes: 3 });
    expect(consultationErrors.catalogue[err.code]!.en(err.params)).toBe(err.message);
    expect(consultationErrors.catalogue[err.code]!.nl(err.params)).toMatch(
      /ten hoogste 5 per uur.*over 3 minuten opnieuw/,
    );
  });
});
