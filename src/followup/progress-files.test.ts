import crypto from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import { multipart, type FilePart } from '../test/multipart.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exeFile, pdfFile } from '../consultations/test-fixtures.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { importNetherlandsUprInfo, uprInfoPresent } from '../test/upr-info.ts';
import type { ProgressFile, ProgressUpdate } from './schema.ts';

/**
 * Files as evidence of progress: the author of a draft attaches real documents (checked by content),
 * everyone signed in sees and downloads them, and whatever is refused leaves nothing behind. The
 * files of an approved update are part of its history.
 */
const present = uprInfoPresent('the progress file tests');

let t: TestApp;
let vwsContributor: Session;
let vwsCoordinator: Session;
let ocwContributor: Session;
let observer: Session;
/** Led by VWS. */
let rec: string;

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const fileCount = () => count('select count(*)::int as n from progress_update_files');
const fileAudits = () =>
  count("select count(*)::int as n from audit_events where entity_type = 'progress_update_file'");

/** A real Word document, made as the implementation overview makes its .docx. */
const wordFile = (text: string) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));

const upload = (s: Session, id: string, files: FilePart[]) => {
  const mp = multipart({}, files);
  return t.app.inject({
    method: 'POST',
    url: `/api/progress-updates/${id}/files`,
    payload: mp.payload,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': mp.contentType },
  });
};

const draft = async (s: Session) => {
  const res = await t.call(s, 'POST', `/api/recommendations/${rec}/progress`, {
    status: 'in_progress',
    text: 'The youth care act was amended; the evaluation report is attached.',
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ProgressUpdate;
};

const listed = async (id: string) => {
  const res = await t.call(observer, 'GET', `/api/recommendations/${rec}/progress`);
  expect(res.statusCode).toBe(200);
  return (res.json() as ProgressUpdate[]).find((u) => u.id === id)!;
};

beforeAll(async () => {
  if (!present && process.env.CI !== 'true') return;
  t = await testApp();
  await importNetherlandsUprInfo(t.db, { limit: 10 });
  rec = (await t.db.query<{ id: string }>('select id from recommendations order by id limit 1')).rows[0]!.id;
  const vws = (await t.db.query<{ id: string }>("select id from organisations where code = 'VWS'")).rows[0]!
    .id;
  await t.db.query('update recommendations set lead_organisation_id = $1 where id = $2', [vws, rec]);
  vwsContributor = await t.as('contributor', 'VWS');
  vwsCoordinator = await t.as('coordinator', 'VWS');
  ocwContributor = await t.as('contributor', 'OCW');
  observer = await t.as('observer', 'VWS');
});
afterAll(() => t?.close());

describe.skipIf(!present && process.env.CI !== 'true')('files as evidence of progress', () => {
  it('the author attaches a PDF and a Word document; they are listed, audited and downloaded unchanged', async () => {
    const u = await draft(vwsContributor);
    expect(u.files).toEqual([]);
    const pdf = pdfFile('% evaluatie jeugdwet');
    const docx = await wordFile('Evaluatie van de Jeugdwet, eerste helft 2025');
    const audits = await fileAudits();
    const res = await upload(vwsContributor, u.id, [
      { name: 'evaluatie.pdf', content: pdf, type: 'application/pdf' },
      { name: 'verslag jeugdwet.docx', content: docx },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const files = res.json() as ProgressFile[];
    expect(files.map((f) => [f.fileName, f.mediaType, f.sizeBytes]).sort()).toEqual(
      [
        ['evaluatie.pdf', 'application/pdf', pdf.length],
        [
          'verslag jeugdwet.docx',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          docx.length,
        ],
      ].sort(),
    );
    expect((await listed(u.id)).files).toEqual(files);
    // One audit row per file, with its name and checksum, never its bytes.
    expect(await fileAudits()).toBe(audits + 2);
    const audit = await t.db.query<{ after: Record<string, unknown>; actor_id: string }>(
      `select after, actor_id from audit_events where entity_type = 'progress_update_file' and entity_id = $1`,
      [files.find((f) => f.fileName === 'evaluatie.pdf')!.id],
    );
    expect(audit.rows[0]).toMatchObject({
      actor_id: vwsContributor.userId,
      after: {
        progressUpdateId: u.id,
        fileName: 'evaluatie.pdf',
        sizeBytes: pdf.length,
        sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
      },
    });
    expect(JSON.stringify(audit.rows[0]!.after)).not.toContain('content');

    for (const [f, bytes] of [
      [files.find((x) => x.fileName === 'evaluatie.pdf')!, pdf],
      [files.find((x) => x.fileName.endsWith('.docx'))!, docx],
    ] as const) {
      const down = await t.call(observer, 'GET', `/api/progress-updates/${u.id}/files/${f.id}`);
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(bytes)).toBe(true);
      expect(down.headers['content-type']).toBe(f.mediaType);
      expect(down.headers['content-disposition']).toContain('attachment;');
      expect(down.headers['content-disposition']).toContain(encodeURIComponent(f.fileName));
      expect(down.headers['x-content-type-options']).toBe('nosniff');
    }
    // Not for anonymous visitors; a file of another update is not found.
    const f0 = files[0]!;
    expect((await t.call(null, 'GET', `/api/progress-updates/${u.id}/files/${f0.id}`)).statusCode).toBe(401);
    const other = await draft(vwsContributor);
    expect(
      (await t.call(observer, 'GET', `/api/progress-updates/${other.id}/files/${f0.id}`)).statusCode,
    ).toBe(404);
  });

  it('a contributor of another ministry, or a colleague who is not the author, may not attach or remove files', async () => {
    const u = await draft(vwsContributor);
    const before = await fileCount();
    const res = await upload(ocwContributor, u.id, [{ name: 'bewijs.pdf', content: pdfFile() }]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'followup.files_forbidden' });
    const colleague = await upload(vwsCoordinator, u.id, [{ name: 'bewijs.pdf', content: pdfFile() }]);
    expect(colleague.statusCode).toBe(403);
    expect(await fileCount()).toBe(before);

    const ok = await upload(vwsContributor, u.id, [{ name: 'bewijs.pdf', content: pdfFile() }]);
    const [f] = ok.json() as ProgressFile[];
    const del = await t.call(ocwContributor, 'DELETE', `/api/progress-updates/${u.id}/files/${f!.id}`);
    expect(del.statusCode).toBe(403);
    expect(await fileCount()).toBe(before + 1);
  });

  it('refuses a disguised file, and an upload with one, saving nothing, with a message that says what to fix', async () => {
    const u = await draft(vwsContributor);
    const before = await fileCount();
    const audits = await fileAudits();
    const exe = await upload(vwsContributor, u.id, [
      { name: 'evaluatie.pdf', content: pdfFile() },
      { name: 'rapport.pdf', content: exeFile(), type: 'application/pdf' },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'consultation.file_content_mismatch' });
    expect((exe.json() as { detail: string }).detail).toMatch(/rapport\.pdf.*Attach PDF, Word/);
    const html = await upload(vwsContributor, u.id, [
      { name: 'verslag.pdf', content: Buffer.from('<!doctype html><html><script>alert(1)</script></html>') },
    ]);
    expect(html.statusCode).toBe(415);
    const exeName = await upload(vwsContributor, u.id, [{ name: 'setup.exe', content: exeFile() }]);
    expect(exeName.statusCode).toBe(415);
    expect(exeName.json()).toMatchObject({ code: 'consultation.file_type_not_accepted' });
    const none = await upload(vwsContributor, u.id, []);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'followup.files_none' });
    const json = await t.call(vwsContributor, 'POST', `/api/progress-updates/${u.id}/files`, {});
    expect(json.statusCode).toBe(415);
    expect(await fileCount()).toBe(before);
    expect(await fileAudits()).toBe(audits);
    expect((await listed(u.id)).files).toEqual([]);
  });

  it('refuses a file larger than 10 MB with 413, saving nothing', async () => {
    const u = await draft(vwsContributor);
    const before = await fileCount();
    const big = pdfFile('%'.repeat(10 * 1024 * 1024));
    const res = await upload(vwsContributor, u.id, [
      { name: 'klein.pdf', content: pdfFile() },
      { name: 'groot.pdf', content: big },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'followup.file_too_large',
      params: { fileName: 'groot.pdf', mb: 10 },
    });
    expect((res.json() as { detail: string }).detail).toContain('Attach a smaller file');
    expect(await fileCount()).toBe(before);
  });

  it('the author removes a file of a draft; once approved, its files can be neither removed nor added', async () => {
    const u = await draft(vwsContributor);
    const res = await upload(vwsContributor, u.id, [
      { name: 'een.pdf', content: pdfFile('% een') },
      { name: 'twee.pdf', content: pdfFile('% twee') },
    ]);
    const [one, two] = res.json() as ProgressFile[];
    const del = await t.call(vwsContributor, 'DELETE', `/api/progress-updates/${u.id}/files/${one!.id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect((await listed(u.id)).files.map((f) => f.id)).toEqual([two!.id]);
    const audit = await t.db.query<{ before: Record<string, unknown> }>(
      `select before from audit_events where entity_type = 'progress_update_file' and action = 'delete' and entity_id = $1`,
      [one!.id],
    );
    expect(audit.rows[0]!.before).toMatchObject({ fileName: one!.fileName, progressUpdateId: u.id });

    const approved = await t.call(vwsCoordinator, 'POST', `/api/progress-updates/${u.id}/approve`, {
      version: u.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as ProgressUpdate).files.map((f) => f.fileName)).toEqual(['twee.pdf']);
    const refused = await t.call(vwsContributor, 'DELETE', `/api/progress-updates/${u.id}/files/${two!.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'followup.files_approved' });
    expect((refused.json() as { detail: string }).detail).toContain('part of its history');
    const more = await upload(vwsContributor, u.id, [{ name: 'drie.pdf', content: pdfFile() }]);
    expect(more.statusCode).toBe(409);
    expect((await listed(u.id)).files.map((f) => f.id)).toEqual([two!.id]);
  });

  it('holds at most 10 files per update, and its files go with a deleted draft', async () => {
    const u = await draft(vwsContributor);
    const nine = Array.from({ length: 9 }, (_, i) => ({
      name: `bijlage-${i}.txt`,
      content: Buffer.from(`Bijlage ${i}`),
    }));
    expect((await upload(vwsContributor, u.id, nine)).statusCode).toBe(201);
    const two = await upload(vwsContributor, u.id, [
      { name: 'a.txt', content: Buffer.from('a') },
      { name: 'b.txt', content: Buffer.from('b') },
    ]);
    expect(two.statusCode).toBe(413);
    expect(two.json()).toMatchObject({ code: 'followup.files_too_many', params: { max: 10 } });
    expect((await listed(u.id)).files).toHaveLength(9);
    const del = await t.call(vwsContributor, 'DELETE', `/api/progress-updates/${u.id}?version=${u.version}`);
    expect(del.statusCode).toBe(204);
    expect(
      await count('select count(*)::int as n from progress_update_files where progress_update_id = $1', [
        u.id,
      ]),
    ).toBe(0);
  });
});
