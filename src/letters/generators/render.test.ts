import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFiles, sofficePresent } from '../../test/libreoffice.ts';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { dutchDate } from '../dates.ts';
import { renderDocx } from '../docx.ts';
import { MemoParams } from '../kinds.ts';
import { generateAdvisoryResponse } from './advisory-response.ts';
import { generateAnnualLetter } from './annual-letter.ts';
import { overviewRows } from './annual-letter-data.ts';
import { NO_RESPONSE } from './common.ts';
import { generateConcludingResponse } from './concluding-response.ts';
import { generateCoverLetter } from './cover-letter.ts';
import { generateMemo } from './memo.ts';
import {
  AIV_SEED,
  aivAdvice,
  concludingObservations,
  id,
  importFixture,
  layoutOf,
  networkMeeting,
  recordFirst,
  seededDb,
} from './test-fixtures.ts';
import type { Generated } from './types.ts';
import { generateUprAddendum } from './upr-addendum.ts';

const KINDS = ['annual', 'memo', 'cover', 'advisory', 'concluding', 'upr'] as const;
type Kind = (typeof KINDS)[number];

let db: Db;
let actor: Actor;
let dir: string;
const generated = {} as Record<Kind, Generated>;
const text = {} as Record<Kind, string>;
const pages = {} as Record<Kind, string[]>;
const outlines = {} as Record<Kind, string[]>;
const today = '2026-02-13';

/** The text as LibreOffice writes it, with runs of white space as one space. */
const flat = (k: Kind) => text[k].replace(/\s+/g, ' ');

describe.skipIf(
  !sofficePresent('the LibreOffice checks of the generated documents') || !fs.existsSync(AIV_SEED),
)('generated documents read by LibreOffice', () => {
  beforeAll(async () => {
    ({ db, actor } = await seededDb());
    await networkMeeting(db, '2025-03-12', 'Netwerkoverleg verdragscoördinatoren', ['BZK', 'BZ', 'VWS']);
    const co = await concludingObservations(db);
    const aiv = await aivAdvice(db);
    await importFixture(db, 'a-hrc-36-15-layout.txt');
    const upr = await id(
      db,
      "select id from recommendations where paragraph = '131.1' and symbol = 'A/HRC/36/15'",
    );
    await recordFirst(db, upr, {
      position: 'noted',
      appreciation: null,
      explanation: 'The Netherlands will not ratify.',
    });
    const first = await id(
      db,
      "select id from recommendations where paragraph = 'Aanbeveling 1' and document_id = $1",
      [aiv],
    );
    await recordFirst(db, first, {
      position: 'agrees',
      appreciation: null,
      explanation: 'Het kabinet stuurt een beleidsbrief.',
    });
    const cycle = await id(
      db,
      "select cycle_id as id from recommendations where symbol = 'A/HRC/36/15' limit 1",
    );
    const ctx = { actor, today };

    generated.annual = await generateAnnualLetter(db, { kind: 'annual_letter', year: 2025 }, ctx);
    const letter = await id(
      db,
      `insert into outgoing_documents (kind, title, params, frame, owner_organisation_id)
       values ('annual_letter', $1, '{}', '{}', $2) returning id`,
      [generated.annual.title, actor.organisationId],
    );
    generated.memo = await generateMemo(
      db,
      MemoParams.parse({
        kind: 'memo',
        fields: { to: ['Minister van BZK'], from: ['DG Koninkrijksrelaties'], date: '2026-02-06' },
        purpose: 'decision',
        title: 'Jaarbrief verdragsrapportages',
        aanleiding: 'De jaarlijkse brief aan de Kamer.',
        kern: 'Het netwerk stuurt de brief.',
        accompanies: letter,
      }),
    );
    generated.cover = await generateCoverLetter(db, { kind: 'cover_letter', document: letter }, ctx);
    generated.advisory = await generateAdvisoryResponse(
      db,
      { kind: 'advisory_response', document: aiv },
      ctx,
    );
    generated.concluding = await generateConcludingResponse(
      db,
      { kind: 'concluding_response', document: co },
      ctx,
    );
    generated.upr = await generateUprAddendum(db, { kind: 'upr_addendum', cycle });

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'generated-'));
    const files = [];
    for (const k of KINDS) {
      const file = path.join(dir, `${k}.docx`);
      fs.writeFileSync(file, await renderDocx(layoutOf(generated[k], today)));
      files.push(file);
    }
    for (const format of ['txt:Text', 'pdf']) convertFiles(dir, files, format, 300_000);
    for (const k of KINDS) {
      text[k] = fs.readFileSync(path.join(dir, `${k}.txt`), 'utf8');
      const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(path.join(dir, `${k}.pdf`))));
      pages[k] = (await extractText(pdf, { mergePages: false })).text;
      outlines[k] = ((await pdf.getOutline()) ?? []).map((o) => o.title);
      await pdf.destroy();
    }
  }, 600_000);
  afterAll(async () => {
    await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the annual letter: its sections as bookmarks, the overview table with every treaty, the treaties, "Pagina X van Y"', async () => {
    const t = flat('annual');
    expect(t).toContain('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
    expect(t).toContain('Betreft Ontwikkelingen rond rapportages onder mensenrechtenverdragen in 2025');
    expect(t).toContain('Tabel 1. Laatste statenrapport per verdrag');
    expect(t).toContain('Verdrag Laatste statenrapport Datum Verantwoordelijk ministerie');
    for (const r of await overviewRows(db)) expect(t).toContain(r.shortName);
    expect(t).toContain(`kwam het netwerk één keer bijeen: op ${dutchDate('2025-03-12')}`);
    const level1 = generated.annual.sections.filter((s) => s.level !== 2).map((s) => s.heading);
    expect(outlines.annual).toEqual(level1);
    for (const s of generated.annual.sections.filter((s) => s.key.startsWith('treaty:')))
      expect(t).toContain(s.heading);
    pages.annual.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} van ${pages.annual.length}`));
  });

  it('the memo: TER BESLISSING, its sections and the letter it accompanies as attachment 1', () => {
    const t = flat('memo');
    expect(t).toContain('TER BESLISSING');
    for (const s of generated.memo.sections) expect(t).toContain(s.heading);
    expect(t).toContain(
      'Volgnummer Naam Informatie 1 Jaarbrief verdragsrapportages 2025 Ter ondertekening en verzending',
    );
  });

  it('the covering letter: to the Eerste Kamer, sending the letter for information', () => {
    const t = flat('cover');
    expect(t).toContain('Aan de Voorzitter van de Eerste Kamer der Staten-Generaal');
    expect(t).toContain('Betreft Jaarbrief verdragsrapportages 2025');
    expect(t).toContain('ter informatie een afschrift van mijn brief');
    expect(pages.cover).toHaveLength(1);
  });

  it('the response to the advisory report: "Aanbeveling N – title" per recommendation, the response or the placeholder', () => {
    const t = flat('advisory');
    const headings = generated.advisory.sections.map((s) => s.heading);
    expect(outlines.advisory).toEqual(headings);
    expect(t).toContain(
      'Aanbeveling 1 – Verdedig onverkort het behoud van rechtsstaat, democratie en mensenrechten',
    );
    expect(t).toContain('Het kabinet onderschrijft deze aanbeveling. Het kabinet stuurt een beleidsbrief.');
    expect(t.split(NO_RESPONSE)).toHaveLength(headings.length - 2);
  });

  it('the response to the concluding observations: a section per recommendation with the placeholder', () => {
    const t = flat('concluding');
    for (const s of generated.concluding.sections) expect(t).toContain(s.heading);
    const recs = generated.concluding.sections.filter((s) => s.key.startsWith('recommendation:'));
    expect(t.split(NO_RESPONSE)).toHaveLength(recs.length + 1);
  });

  it('the UPR addendum: a UN document in English, symbol, distribution, title block, numbered paragraphs, "Page X of Y"', () => {
    const t = flat('upr');
    expect(t).toContain('United Nations A/HRC/36/15/Add.1');
    expect(t).toContain('Distr.: General 13 February 2026 Original: English');
    expect(t).toContain('Human Rights Council Thirty-sixth session Agenda item 6 Universal periodic review');
    expect(t).toContain(
      'Report of the Working Group on the Universal Periodic Review Netherlands (Kingdom of the) Addendum',
    );
    expect(text.upr).toMatch(/^\s*1\.\s+The Kingdom of the Netherlands welcomes/m);
    expect(text.upr).toMatch(/^\s*4\.\s+131\.1 Ratify the International Convention/m);
    expect(t).toContain('The Netherlands will not ratify.');
    expect(t).toContain('[Warning: no position has been recorded for');
    expect(outlines.upr).toEqual(generated.upr.sections.map((s) => s.heading));
    pages.upr.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.upr.length}`));
    for (const p of pages.upr.slice(1)) expect(p).toContain('A/HRC/36/15/Add.1');
  });
});
