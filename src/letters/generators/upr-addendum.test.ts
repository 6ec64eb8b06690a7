import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db.ts';
import { LetterDocument, type Block } from '../schema.ts';
import { compareParagraphs } from './common.ts';
import { id, importFixture, layoutOf, recordFirst, seededDb } from './test-fixtures.ts';
import { generateUprAddendum, ordinalWords } from './upr-addendum.ts';

/**
 * The UPR addendum of the Netherlands' third cycle: the Working Group's report A/HRC/36/15 imported
 * with the document importer (its recommendations belong to the cycle whose report it is), positions
 * recorded on some of them.
 */
let db: Db;
let cycle: string;
let recs: { id: string; paragraph: string; text: string }[];

const numbered = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'numbered' ? b.items : []));

beforeAll(async () => {
  ({ db } = await seededDb());
  await importFixture(db, 'a-hrc-36-15-layout.txt');
  cycle = await id(
    db,
    "select c.id from cycles c join cycle_phases p on p.cycle_id = c.id where p.kind = 'upr_wg_report' and p.symbol = 'A/HRC/36/15'",
  );
  recs = (
    await db.query<{ id: string; paragraph: string; text: string }>(
      'select id, paragraph, text from recommendations where cycle_id = $1',
      [cycle],
    )
  ).rows.sort((a, b) => compareParagraphs(a.paragraph, b.paragraph) || a.text.localeCompare(b.text));
  await recordFirst(db, recs[0]!.id, {
    position: 'noted',
    appreciation: null,
    explanation: 'The Netherlands will not ratify the Convention.',
  });
  await recordFirst(db, recs[1]!.id, { position: 'supported', appreciation: null, explanation: null });
  await recordFirst(db, recs[2]!.id, {
    position: 'supported',
    appreciation: null,
    explanation: 'A bill is before parliament.',
  });
}, 120_000);
afterAll(() => db?.close());

describe('the UPR addendum', () => {
  it('names the symbol, the session and the title block of the UN document, in English', async () => {
    const g = await generateUprAddendum(db, { kind: 'upr_addendum', cycle });
    if (g.frame.kind !== 'letter') throw new Error('not a letter frame');
    expect(g.frame.language).toBe('en');
    expect(g.frame.reference).toBe('A/HRC/36/15/Add.1');
    expect(g.frame.addressee).toEqual([
      'Human Rights Council',
      'Thirty-sixth session',
      'Agenda item 6',
      'Universal periodic review',
    ]);
    expect(g.frame.subject.split(' — ')).toEqual([
      'Report of the Working Group on the Universal Periodic Review',
      'Netherlands (Kingdom of the)',
      'Addendum',
      'Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review',
    ]);
    const doc = LetterDocument.parse(layoutOf(g));
    expect(doc.kind).toBe('un_document');
    expect([52, 36, 8, 21, 12, 40].map(ordinalWords)).toEqual([
      'Fifty-second',
      'Thirty-sixth',
      'Eighth',
      'Twenty-first',
      'Twelfth',
      'Fortieth',
    ]);
  });

  it('groups the recommendations as supported and noted, each with its paragraph and explanation, the rest pending with a warning', async () => {
    const g = await generateUprAddendum(db, { kind: 'upr_addendum', cycle });
    expect(g.sections.map((s) => s.key)).toEqual(['introduction', 'supported', 'noted', 'pending']);
    const supported = numbered(g.sections[1]!.blocks);
    expect(supported).toHaveLength(2);
    expect(supported[0]).toMatch(new RegExp(`^${recs[1]!.paragraph.replace('.', '\\.')} `));
    expect(supported[0]!.split('\n')[1]).toBe('The Netherlands supports this recommendation.');
    expect(supported[1]!.split('\n')[1]).toBe('A bill is before parliament.');
    const noted = numbered(g.sections[2]!.blocks);
    expect(noted).toEqual([
      expect.stringMatching(
        /^131\.1 Ratify the International Convention on the Protection of the Rights of All Migrant/,
      ),
    ]);
    expect(noted[0]).toContain('\nThe Netherlands will not ratify the Convention.');
    const pending = g.sections[3]!;
    expect(numbered(pending.blocks)).toHaveLength(recs.length - 3);
    expect(pending.blocks[0]).toEqual({
      type: 'paragraph',
      text: `[Warning: no position has been recorded for ${recs.length - 3} recommendations. Record the positions before the addendum is submitted.]`,
    });
    const intro = numbered(g.sections[0]!.blocks).join('\n');
    expect(intro).toContain(
      `The Working Group's report contains ${recs.length} recommendations to the Netherlands. Of these, the Netherlands supports 2, notes 1. ${recs.length - 3} recommendations are still under consideration.`,
    );
    expect(intro).toContain('(A/HRC/36/15)');
  });

  it('refuses a cycle of a treaty and a UPR cycle without recommendations', async () => {
    const crc = await id(
      db,
      "select c.id from cycles c join instruments i on i.id = c.instrument_id where i.code = 'CRC' limit 1",
    );
    await expect(generateUprAddendum(db, { kind: 'upr_addendum', cycle: crc })).rejects.toMatchObject({
      code: 'letter.not_a_upr_cycle',
    });
    const first = await id(
      db,
      "select c.id from cycles c join instruments i on i.id = c.instrument_id where i.code = 'UPR' and c.sequence = 1",
    );
    await expect(generateUprAddendum(db, { kind: 'upr_addendum', cycle: first })).rejects.toMatchObject({
      code: 'letter.no_recommendations',
      params: { title: 'UPR 1st cycle' },
    });
    await expect(
      generateUprAddendum(db, { kind: 'upr_addendum', cycle: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
