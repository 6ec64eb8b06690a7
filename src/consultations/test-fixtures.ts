/** What the consultation tests share: an app with a BZK coordinator, files, and the public form. */
import { multipart, type FilePart } from '../test/multipart.ts';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';

export const hour = 3600_000;
export const at = (ms: number) => new Date(Date.now() + ms).toISOString();

// ---- files and multipart bodies ----

export async function docxFile(text = 'Inbreng van de organisatie'): Promise<Buffer> {
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
export const pdfFile = (extra = '') =>
  Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n${extra}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
export const exeFile = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254, 0x90)]);

export type { FilePart } from '../test/multipart.ts';

export interface Round {
  id: string;
  status: string;
  version: number;
  abilities: { edit: boolean; moderate: boolean; erase: boolean };
}

export const goodFields = (token: string, extra: Record<string, string> = {}) => ({
  formToken: token,
  organisationName: 'Stichting Mensenrechten Nu',
  contactName: 'Jan Jansen',
  contactEmail: 'jan@example.org',
  body: 'Wij vragen aandacht voor de positie van vrouwen op de arbeidsmarkt.',
  consentToPublish: 'yes',
  website: '',
  ...extra,
});

/** A fresh app with a BZK coordinator, a CEDAW cycle (lead OCW, coordinating BZK) and an ICCPR cycle. */
export async function fixture() {
  const t: TestApp = await testApp();
  const bzk: Session = await t.as('coordinator', 'BZK');
  const r = await t.db.query<{ id: string; code: string }>(
    `select cy.id, i.code from cycles cy join instruments i on i.id = cy.instrument_id
      where i.code in ('CEDAW', 'ICCPR') order by cy.sequence desc`,
  );
  const cycleId = r.rows.find((c) => c.code === 'CEDAW')!.id;
  const iccprCycleId = r.rows.find((c) => c.code === 'ICCPR')!.id;

  const createConsultation = async (opensAt: string, closesAt: string, cycle = cycleId) => {
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
    return res.json() as Round;
  };

  const formToken = async (id: string): Promise<string> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/consultations/${id}/form-token` });
    expect(res.statusCode).toBe(200);
    return (res.json() as { token: string }).token;
  };

  const submit = async (
    id: string,
    fields: Record<string, string>,
    files: FilePart[] = [],
    opts: { ip?: string; origin?: string } = {},
  ) => {
    const mp = multipart(fields, files);
    return t.app.inject({
      method: 'POST',
      url: `/api/consultations/${id}/submissions`,
      payload: mp.payload,
      headers: { 'content-type': mp.contentType, ...(opts.origin ? { origin: opts.origin } : {}) },
      remoteAddress: opts.ip ?? '192.0.2.10',
    });
  };

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n;

  return { t, bzk, cycleId, iccprCycleId, createConsultation, formToken, submit, count };
}
export type Fixture = Awaited<ReturnType<typeof fixture>>;
