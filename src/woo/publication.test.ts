import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { pdfAvailable } from '../letters/pdf.ts';
import { createUser } from '../users/service.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { docxAsText, sofficePresent } from '../test/libreoffice.ts';
import type { WorkspaceDocument } from '../letters/workspace-schema.ts';
import type { PublicDocument, PublicDocumentSummary, RedactionReview } from './publication-schema.ts';
import '../letters/generators/all.ts';

/**
 * Woo publication of a memo made from the memo form: the search finds the civil servants' names,
 * e-mail addresses and phone numbers (those the app knows and those patterns find), the review is
 * done, and the public version (its JSON, its .docx read back by LibreOffice, its PDF) holds none
 * of them. Publishing before the review is finished, or after the memo changed, is refused, and
 * the public never reaches the internal document.
 */
let t: TestApp;
const s: Record<string, Session> = {};

/** The personal data in the memo: every one must be gone from the public version. */
const PERSONAL = ['Jan de Vries', 'jan.devries@minbzk.nl', 'Karin Mulder', '06-12345678', '070 123 4567'];
/** Parts of them that must be gone too: a redaction takes a whole name. */
const PARTS = ['Vries', 'Mulder', 'Karin', '12345678', '4567'];

const memoParams = {
  kind: 'memo',
  fields: {
    to: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'],
    from: ['DG Openbaar Bestuur en Democratische Rechtsstaat'],
    consultedWith: ['JenV', 'SZW'],
    date: '2026-02-06',
    draftedBy: ['Jan de Vries', 'T 06-12345678'],
  },
  purpose: 'decision',
  title: 'Kabinetsbrief over rapportages onder mensenrechtenverdragen',
  aanleiding:
    'Het netwerk van verdragscoördinatoren stelde de kabinetsbrief op. Vragen aan Jan de Vries (jan.devries@minbzk.nl) of mevrouw Karin Mulder, 070 123 4567.',
  kern: 'De brief geeft een overzicht van de rapportages onder de mensenrechtenverdragen in 2025.',
};

async function call<T>(who: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  const res = await t.call(who, method, url, body);
  return {
    status: res.statusCode,
    body: (res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : null) as T & {
      code?: string;
    },
    raw: res.rawPayload,
  };
}

let memoId: string;
const review = async () =>
  (await call<RedactionReview>(s.coordinator!, 'GET', `/api/letters/${memoId}/redactions`)).body;

beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, systemActor('test'), {
    email: 'jan.devries@minbzk.nl',
    name: 'Jan de Vries',
    role: 'contributor',
    organisationId: null,
    password: 'correct horse battery staple',
  });
  s.coordinator = await t.as('coordinator');
  s.observer = await t.as('observer');
  s.otherCoordinator = await t.as('coordinator', 'VWS');
  const created = await call<WorkspaceDocument>(s.coordinator, 'POST', '/api/letters', {
    params: memoParams,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  memoId = created.body.id;
});
afterAll(() => t?.close());

describe('the redaction review of a memo', () => {
  it('has no list before the first search, and publishing then is refused', async () => {
    const r = await review();
    expect(r).toMatchObject({ searched: false, findings: [], reviewed: false, published: null });
    expect(r.text).toContain('Opgesteld door: Jan de Vries');
    const res = await call(s.coordinator!, 'POST', `/api/letters/${memoId}/publish`, { version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('woo.not_searched');
  });

  it('is searched and reviewed only by whoever changes the document', async () => {
    for (const who of [s.observer!, s.otherCoordinator!]) {
      const res = await call(who, 'POST', `/api/letters/${memoId}/redactions/search`);
      expect(res.status).toBe(403);
    }
    expect((await review()).searched).toBe(false);
  });

  it('finds every name, address and number, the known ones marked so', async () => {
    const res = await call<RedactionReview>(
      s.coordinator!,
      'POST',
      `/api/letters/${memoId}/redactions/search`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = res.body.findings.map((f) => f.text);
    for (const p of PERSONAL)
      expect(
        found.some((f) => f.includes(p)),
        p,
      ).toBe(true);
    expect(
      res.body.findings.filter((f) => f.text === 'Jan de Vries').every((f) => f.source === 'known'),
    ).toBe(true);
    expect(res.body.findings.every((f) => f.decision === 'proposed')).toBe(true);
  });

  it('refuses to finish the review while findings are proposed, and to publish before it is finished', async () => {
    const r = await review();
    const finish = await call(s.coordinator!, 'PATCH', `/api/letters/${memoId}/redactions`, {
      version: r.version,
      reviewed: true,
    });
    expect(finish.status).toBe(409);
    expect(finish.body.code).toBe('woo.review_unfinished');
    const pub = await call(s.coordinator!, 'POST', `/api/letters/${memoId}/publish`, { version: r.version });
    expect(pub.status).toBe(409);
    expect(pub.body.code).toBe('woo.review_unfinished');
    expect((await call<{ total: number }>(null, 'GET', '/api/public/letters')).body.total).toBe(0);
  });

  it('refuses a stale change of the list', async () => {
    const r = await review();
    const res = await call(s.coordinator!, 'PATCH', `/api/letters/${memoId}/redactions`, {
      version: r.version + 1,
      decisions: [{ id: r.findings[0]!.id, decision: 'keep' }],
    });
    expect(res.status).toBe(409);
    expect((await review()).findings[0]!.decision).toBe('proposed');
  });

  it('publishes the public version once every finding is decided, and the public sees none of them', async () => {
    const r = await review();
    const start = r.text.indexOf('overzicht');
    const done = await call<RedactionReview>(s.coordinator!, 'PATCH', `/api/letters/${memoId}/redactions`, {
      version: r.version,
      decisions: r.findings.map((f) => ({ id: f.id, decision: 'redact' })),
      added: [{ start, end: start + 'overzicht'.length, ground: '5.1.2i' }],
      reviewed: true,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ reviewed: true, reviewedBy: s.coordinator!.userId });
    const pub = await call<RedactionReview>(s.coordinator!, 'POST', `/api/letters/${memoId}/publish`, {
      version: done.body.version,
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.published?.redactions).toBe(r.findings.length + 1);

    const list = await call<{ items: PublicDocumentSummary[] }>(null, 'GET', '/api/public/letters');
    expect(list.body.items.map((d) => d.title)).toEqual([memoParams.title]);
    const page = await call<PublicDocument>(null, 'GET', `/api/public/letters/${memoId}`);
    expect(page.status).toBe(200);
    for (const p of [...PERSONAL, ...PARTS]) expect(page.body.text).not.toContain(p);
    expect(page.body.text).toContain('[5.1.2e]');
    expect(page.body.text).toContain('De brief geeft een [5.1.2i] van de rapportages');
  });

  it('never gives the public the internal document', async () => {
    expect((await call(null, 'GET', `/api/letters/${memoId}`)).status).toBe(401);
    expect((await call(null, 'GET', `/api/letters/${memoId}/redactions`)).status).toBe(401);
    expect((await call(null, 'GET', `/api/letters/${memoId}/docx`)).status).toBe(401);
  });

  it('refuses to publish again after the memo changed since its search', async () => {
    const d = (await call<WorkspaceDocument>(s.coordinator!, 'GET', `/api/letters/${memoId}`)).body;
    const kern = d.sections.find((x) => x.heading === 'Kern')!;
    const edit = await call(
      s.coordinator!,
      'PATCH',
      `/api/letters/${memoId}/sections/${encodeURIComponent(kern.key)}`,
      {
        version: kern.version,
        blocks: [{ type: 'paragraph', text: 'Bel Jan de Vries op 06-12345678 voor de kern.' }],
      },
    );
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const r = await review();
    expect(r.stale).toBe(true);
    const res = await call(s.coordinator!, 'POST', `/api/letters/${memoId}/publish`, { version: r.version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('woo.text_changed');
    // The public version stays as it was published.
    const page = await call<PublicDocument>(null, 'GET', `/api/public/letters/${memoId}`);
    expect(page.body.text).not.toContain('voor de kern');
    // A new search keeps the decisions made on the same texts and asks for a new review.
    const again = await call<RedactionReview>(
      s.coordinator!,
      'POST',
      `/api/letters/${memoId}/redactions/search`,
    );
    expect(again.body.reviewed).toBe(false);
    expect(again.body.stale).toBe(false);
    const undecided = again.body.findings.filter((f) => f.decision === 'proposed').map((f) => f.text);
    expect(undecided.length).toBeLessThan(again.body.findings.length);
  });
});

describe('the files of the public version', () => {
  it.skipIf(!sofficePresent('the LibreOffice check of the public version'))(
    'the .docx, read back by LibreOffice, holds none of the personal data',
    async () => {
      const res = await call(null, 'GET', `/api/public/letters/${memoId}/file.docx`);
      expect(res.status).toBe(200);
      const text = docxAsText(res.raw);
      expect(text).toContain('Kabinetsbrief over rapportages onder mensenrechtenverdragen');
      expect(text).toContain('[5.1.2e]');
      for (const p of [...PERSONAL, ...PARTS]) expect(text).not.toContain(p);
    },
    200_000,
  );

  it.skipIf(!pdfAvailable() && process.env.CI !== 'true')(
    'the PDF holds none of the personal data either',
    async () => {
      const res = await call(null, 'GET', `/api/public/letters/${memoId}/file.pdf`);
      expect(res.status).toBe(200);
      const pdf = await getDocumentProxy(new Uint8Array(res.raw));
      const { text } = await extractText(pdf, { mergePages: true });
      await pdf.destroy();
      expect(text).toContain('[5.1.2e]');
      for (const p of [...PERSONAL, ...PARTS]) expect(text).not.toContain(p);
    },
    120_000,
  );

  it('is refused for a document that is not published', async () => {
    const other = await call<WorkspaceDocument>(s.coordinator!, 'POST', '/api/letters', {
      params: { ...memoParams, title: 'Een andere nota' },
    });
    const res = await call(null, 'GET', `/api/public/letters/${other.body.id}/file.docx`);
    expect(res.status).toBe(404);
    expect((await call(null, 'GET', `/api/public/letters/${other.body.id}`)).status).toBe(404);
  });
});
