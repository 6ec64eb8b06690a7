import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { createDocument } from '../../documents/service.ts';
import { LetterDocument, type Block } from '../schema.ts';
import { generateAdvisoryResponse } from './advisory-response.ts';
import { NO_RESPONSE } from './common.ts';
import { generateConcludingResponse } from './concluding-response.ts';
import {
  AIV_SEED,
  aivAdvice,
  concludingObservations,
  id,
  layoutOf,
  recordFirst,
  seededDb,
  system,
} from './test-fixtures.ts';

/**
 * The cabinet responses: to AIV advice 122 (its recommendations imported from the cabinet's
 * response in ../shared/seeds with the document importer) and to the concluding observations
 * E/C.12/NLD/CO/7, from the positions recorded on some of their recommendations.
 */
let db: Db;
let actor: Actor;
let aiv: string;
let co: string;
const today = '2026-02-01';

const text = (blocks: Block[]) =>
  blocks
    .map((b) =>
      b.type === 'paragraph' ? b.text : b.type === 'table' ? b.rows.flat().join(' ') : b.items.join('\n'),
    )
    .join('\n');

beforeAll(async () => {
  ({ db, actor } = await seededDb());
  if (fs.existsSync(AIV_SEED)) aiv = await aivAdvice(db);
  co = await concludingObservations(db);
}, 120_000);
afterAll(() => db?.close());

describe.skipIf(!fs.existsSync(AIV_SEED))('the cabinet response to an advisory report', () => {
  it('has an introduction, a section "Aanbeveling N – title" per recommendation in order, and a closing', async () => {
    const recs = await db.query<{ id: string; paragraph: string; text: string }>(
      'select id, paragraph, text from recommendations where document_id = $1',
      [aiv],
    );
    const first = recs.rows.find((r) => r.paragraph === 'Aanbeveling 1')!;
    await recordFirst(db, first.id, {
      position: 'agrees',
      appreciation: null,
      explanation:
        'Het kabinet zal een beleidsbrief aan de Kamer sturen.\n\nDaarin komt het verband tussen mensenrechten en rechtsorde aan de orde.',
    });
    const g = await generateAdvisoryResponse(
      db,
      { kind: 'advisory_response', document: aiv },
      { actor, today },
    );
    expect(g.frame).toMatchObject({
      kind: 'letter',
      language: 'nl',
      subject: expect.stringContaining('Kernbelang in een geopolitiek krachtenveld'),
    });
    expect(g.sections[0]!.key).toBe('intro');
    expect(g.sections.at(-1)!.key).toBe('closing');
    const per = g.sections.slice(1, -1);
    expect(per).toHaveLength(recs.rows.length);
    expect(per.map((s) => s.heading.split(' – ')[0])).toEqual(
      recs.rows.map((_, i) => `Aanbeveling ${i + 1}`),
    );
    expect(per[0]!.heading).toMatch(
      /^Aanbeveling 1 – Verdedig onverkort het behoud van rechtsstaat, democratie en mensenrechten$/,
    );
    expect(per[0]!.key).toBe(`recommendation:${first.id}`);
    expect(text(per[0]!.blocks)).toBe(
      'Het kabinet onderschrijft deze aanbeveling.\nHet kabinet zal een beleidsbrief aan de Kamer sturen.\nDaarin komt het verband tussen mensenrechten en rechtsorde aan de orde.',
    );
    // The others have no recorded position: a visible placeholder, not the source's words.
    for (const s of per.slice(1)) expect(text(s.blocks)).toContain(NO_RESPONSE);
    expect(text(g.sections[0]!.blocks)).toContain(
      `Het advies bevat ${recs.rows.length} aanbevelingen. Hieronder vindt u een appreciatie van het advies per aanbeveling. Op ${recs.rows.length - 1} aanbevelingen is de reactie nog niet vastgesteld.`,
    );
    expect(LetterDocument.safeParse(layoutOf(g)).success).toBe(true);
  });

  it('refuses a document of another kind, one without recommendations and one that does not exist', async () => {
    await expect(
      generateAdvisoryResponse(db, { kind: 'advisory_response', document: co }, { actor, today }),
    ).rejects.toMatchObject({
      code: 'letter.wrong_document_kind',
    });
    const empty = await createDocument(db, system, { title: 'Een leeg advies', kind: 'advisory_report' });
    await expect(
      generateAdvisoryResponse(db, { kind: 'advisory_response', document: empty.id }, { actor, today }),
    ).rejects.toMatchObject({ code: 'letter.no_recommendations', params: { title: 'Een leeg advies' } });
    await expect(
      generateAdvisoryResponse(
        db,
        { kind: 'advisory_response', document: '00000000-0000-4000-8000-000000000000' },
        { actor, today },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the cabinet response to concluding observations', () => {
  it('groups the recommendations by their subject where known, the others last, each with its response', async () => {
    const recs = await db.query<{ id: string; paragraph: string }>(
      "select id, paragraph from recommendations where symbol = 'E/C.12/NLD/CO/7'",
    );
    const sorted = recs.rows
      .map((r) => r.paragraph)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const byPara = (p: string) => recs.rows.find((r) => r.paragraph === p)!.id;
    const theme = await db.query<{ id: string; code: string; label: string }>(
      "select id, code, coalesce(label_nl, label_en) as label from taxonomy_terms where scheme = 'uhri_theme' order by sort_order, code limit 1",
    );
    const tagged = [sorted[1]!, sorted[3]!];
    for (const p of tagged)
      await db.query('insert into recommendation_terms (recommendation_id, term_id) values ($1, $2)', [
        byPara(p),
        theme.rows[0]!.id,
      ]);
    await recordFirst(db, byPara(sorted[3]!), {
      position: null,
      appreciation: 'Het kabinet deelt de zorg van het comité.',
      explanation: 'Er loopt een onderzoek.',
    });

    const g = await generateConcludingResponse(
      db,
      { kind: 'concluding_response', document: co },
      { actor, today },
    );
    expect(g.frame).toMatchObject({
      kind: 'letter',
      subject: 'Kabinetsreactie op de slotopmerkingen E/C.12/NLD/CO/7',
    });
    const keys = g.sections.map((s) => s.key);
    expect(keys[0]).toBe('intro');
    expect(keys.at(-1)).toBe('closing');
    expect(keys.filter((k) => k.startsWith('subject:'))).toEqual([
      `subject:${theme.rows[0]!.code}`,
      'subject:other',
    ]);
    const subject = g.sections.find((s) => s.key === `subject:${theme.rows[0]!.code}`)!;
    expect(subject.heading).toBe(theme.rows[0]!.label);
    const start = keys.indexOf(subject.key);
    expect(keys.slice(start + 1, start + 3)).toEqual(tagged.map((p) => `recommendation:${byPara(p)}`));
    const answered = g.sections[start + 2]!;
    expect(answered.level).toBe(2);
    expect(answered.heading).toMatch(/^Paragraaf \d+/);
    expect(text(answered.blocks)).toContain(
      'Het kabinet deelt de zorg van het comité.\nEr loopt een onderzoek.',
    );
    expect(text(g.sections[start + 1]!.blocks)).toContain(NO_RESPONSE);
    expect(g.sections.filter((s) => s.key.startsWith('recommendation:'))).toHaveLength(recs.rows.length);
    expect(text(g.sections[0]!.blocks)).toContain(
      `Het comité doet daarin ${recs.rows.length} aanbevelingen aan het Koninkrijk.`,
    );
    expect(LetterDocument.safeParse(layoutOf(g)).success).toBe(true);
  });

  it('refuses an advisory report', async () => {
    const advice = await createDocument(db, system, { title: 'Een advies', kind: 'advisory_report' });
    await expect(
      generateConcludingResponse(db, { kind: 'concluding_response', document: advice.id }, { actor, today }),
    ).rejects.toMatchObject({
      code: 'letter.wrong_document_kind',
      params: { expected: 'slotopmerkingen' },
    });
  });

  it("names the committee of the document's treaty and the date of the document", async () => {
    const body = await id(
      db,
      "select b.id from monitoring_bodies b join instruments i on i.monitoring_body_id = b.id where i.code = 'ICESCR'",
    );
    const name = (
      await db.query<{ name_nl: string }>('select name_nl from monitoring_bodies where id = $1', [body])
    ).rows[0]!.name_nl;
    const g = await generateConcludingResponse(
      db,
      { kind: 'concluding_response', document: co },
      { actor, today },
    );
    expect(text(g.sections[0]!.blocks)).toContain(`de slotopmerkingen van het ${name} van 10 oktober 2025`);
  });
});
