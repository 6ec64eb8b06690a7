import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { dutchDate } from '../dates.ts';
import { LetterDocument, type Block } from '../schema.ts';
import { generateAnnualLetter } from './annual-letter.ts';
import { overviewRows } from './annual-letter-data.ts';
import {
  concludingObservations,
  id,
  importFixture,
  layoutOf,
  networkMeeting,
  recordFirst,
  seededDb,
} from './test-fixtures.ts';
import type { Generated } from './types.ts';

/**
 * The annual letter for 2025 on the Dutch reference data, with a network meeting, the concluding
 * observations E/C.12/NLD/CO/7 (filed as dated in 2025) and the UPR report A/HRC/36/15 imported,
 * positions recorded and progress approved; the letter for 2017 for the annexes; a year without data.
 */
let db: Db;
let actor: Actor;
let users: string[];
let letter: Generated;
const today = '2026-02-01';

const section = (g: Generated, key: string) => g.sections.find((s) => s.key === key)!;
const text = (blocks: Block[]) =>
  blocks
    .map((b) =>
      b.type === 'paragraph' ? b.text : b.type === 'table' ? b.rows.flat().join(' | ') : b.items.join('\n'),
    )
    .join('\n');
const tables = (blocks: Block[]) => blocks.filter((b) => b.type === 'table');

beforeAll(async () => {
  ({ db, actor, userIds: users } = await seededDb());
  await networkMeeting(db, '2025-03-12', 'Netwerkoverleg verdragscoördinatoren', ['BZK', 'BZ', 'VWS']);
  await networkMeeting(db, '2025-10-01', 'Netwerkoverleg najaar', ['BZK']);
  await networkMeeting(db, '2024-12-01', 'Overleg van het jaar ervoor', ['BZK']);
  await concludingObservations(db);
  await importFixture(db, 'a-hrc-36-15-layout.txt');
  const upr = await db.query<{ id: string }>(
    "select id from recommendations where symbol = 'A/HRC/36/15' order by paragraph limit 3",
  );
  await recordFirst(db, upr.rows[0]!.id, {
    position: 'supported',
    appreciation: null,
    explanation: 'Wordt uitgevoerd.',
  });
  await recordFirst(db, upr.rows[1]!.id, { position: 'noted', appreciation: null, explanation: null });
  const co = await id(
    db,
    "select id from recommendations where symbol = 'E/C.12/NLD/CO/7' order by paragraph limit 1",
  );
  await recordFirst(db, co, {
    position: null,
    appreciation: 'Het kabinet deelt de zorg van het comité.',
    explanation: null,
  });
  // Approved progress on the supported recommendation, approved in 2025 and in 2026.
  for (const [end, approvedAt] of [
    ['2025-06-30', '2025-07-01'],
    ['2025-12-31', '2026-01-10'],
  ])
    await db.query(
      `insert into progress_updates (recommendation_id, status, text, period_end, created_by, state, approved_by, approved_at)
       values ($1, 'in_progress', 'Voortgang', $2, $3, 'approved', $4, $5)`,
      [upr.rows[0]!.id, end, users[0], users[1], approvedAt],
    );
  letter = await generateAnnualLetter(db, { kind: 'annual_letter', year: 2025 }, { actor, today });
}, 120_000);
afterAll(() => db?.close());

describe('the annual letter', () => {
  it('is a valid letter to the Voorzitter van de Tweede Kamer, in Dutch, with sections of stable keys', () => {
    expect(letter.title).toBe('Jaarbrief verdragsrapportages 2025');
    expect(letter.frame).toMatchObject({ kind: 'letter', language: 'nl' });
    if (letter.frame.kind !== 'letter') throw new Error('not a letter');
    expect(letter.frame.addressee[0]).toBe('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
    expect(letter.frame.signature).toEqual(['De Minister van Binnenlandse Zaken en Koninkrijksrelaties,']);
    const keys = letter.sections.map((s) => s.key);
    expect(keys.slice(0, 4)).toEqual(['intro', 'network', 'system', 'developments']);
    expect(new Set(keys).size).toBe(keys.length);
    expect(LetterDocument.safeParse(layoutOf(letter)).success).toBe(true);
  });

  it('describes the meetings of the network in the year and the process guide', async () => {
    const network = text(section(letter, 'network').blocks);
    const meetings = await db.query<{ date: string; n: number }>(
      `select m.date::text as date, count(p.*)::int as n from meetings m left join meeting_participants p on p.meeting_id = m.id
        where m.date between '2025-01-01' and '2025-12-31' group by m.id order by m.date`,
    );
    expect(network).toContain(`In 2025 kwam het netwerk ${meetings.rows.length} keer bijeen`);
    for (const m of meetings.rows) expect(network).toContain(dutchDate(m.date));
    expect(network).toContain(`met ${meetings.rows[0]!.n} organisaties`);
    expect(network).not.toContain('1 december 2024');
    const steps = await db.query<{ n: number }>('select count(*)::int as n from process_template_steps');
    expect(network).toContain(`«Handreiking statenrapportage» (${steps.rows[0]!.n} stappen)`);
  });

  it('gives the overview table: per treaty the last state report, its date and the responsible ministry', async () => {
    const [table] = tables(section(letter, 'system').blocks);
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.columns).toEqual([
      'Verdrag',
      'Laatste statenrapport',
      'Datum',
      'Verantwoordelijk ministerie',
    ]);
    const rows = await overviewRows(db);
    expect(table.rows.map((r) => r[0])).toEqual(rows.map((r) => r.shortName));
    const icescr = rows.find((r) => r.code === 'ICESCR')!;
    const row = table.rows.find((r) => r[0] === 'ICESCR')!;
    expect(row[3]).toBe(icescr.lead?.code ?? 'onbekend');
    expect(table.rows.some((r) => r[0] === 'UPR')).toBe(false);
  });

  it('has a section per treaty with the phases and documents dated in the year', async () => {
    const phases = await db.query<{ code: string; n: number }>(
      `select i.code, count(*)::int as n from cycle_phases p join cycles c on c.id = p.cycle_id join instruments i on i.id = c.instrument_id
        where p.date between '2025-01-01' and '2025-12-31' group by 1`,
    );
    const docs = await db.query<{ n: number }>(
      "select count(*)::int as n from documents d join instruments i on i.id = d.instrument_id where i.code = 'ICESCR' and d.date between '2025-01-01' and '2025-12-31'",
    );
    const treaties = letter.sections.filter((s) => s.key.startsWith('treaty:'));
    expect(treaties.map((s) => s.key).sort()).toEqual(phases.rows.map((p) => `treaty:${p.code}`).sort());
    expect(treaties.every((s) => s.level === 2)).toBe(true);
    const icescr = section(letter, 'treaty:ICESCR');
    const bullets = icescr.blocks.find((b) => b.type === 'bullets');
    const expected = phases.rows.find((p) => p.code === 'ICESCR')!.n + docs.rows[0]!.n;
    expect(bullets?.type === 'bullets' && bullets.items).toHaveLength(expected);
    expect(text(icescr.blocks)).toContain('16 september 2025: Constructieve dialoog');
    expect(text(icescr.blocks)).toContain('10 oktober 2025: slotopmerkingen «Concluding observations');
    expect(text(section(letter, 'developments').blocks)).toContain(`onder ${treaties.length} verdragen`);
  });

  it('counts the positions and the approved progress', async () => {
    const f = text(section(letter, 'followup').blocks);
    const total = await db.query<{ n: number }>(
      "select count(*)::int as n from recommendations where state_under_review in ('Netherlands', 'Netherlands (Kingdom of the)', 'Kingdom of the Netherlands')",
    );
    expect(f).toContain(`Het kabinet volgt ${total.rows[0]!.n} aanbevelingen aan het Koninkrijk.`);
    expect(f).toContain(
      'Bij 2 daarvan is een standpunt van het kabinet vastgelegd (1 aanvaard, 1 kennisgenomen), bij 1 een appreciatie zonder standpunt.',
    );
    expect(f).toContain(
      'Over 1 aanbeveling is goedgekeurde voortgang gerapporteerd; in 2025 werd 1 voortgangsrapportage goedgekeurd.',
    );
    expect(f).toContain('1 in uitvoering');
    const [table] = tables(section(letter, 'followup').blocks);
    if (table?.type !== 'table') throw new Error('no table');
    const upr = table.rows.find((r) => r[0] === 'Universele Periodieke Doorlichting')!;
    const n = await db.query<{ n: number }>(
      "select count(*)::int as n from recommendations where mechanism = 'upr'",
    );
    expect(upr).toEqual(['Universele Periodieke Doorlichting', String(n.rows[0]!.n), '2', '1']);
  });

  it('gives in the annexes a table per document of the recommendations received in the year', async () => {
    const g = await generateAnnualLetter(db, { kind: 'annual_letter', year: 2017 }, { actor, today });
    const perSymbol = await db.query<{ symbol: string; n: number }>(
      'select symbol, count(*)::int as n from recommendations where year = 2017 group by 1 order by 1',
    );
    expect(perSymbol.rows.length).toBeGreaterThanOrEqual(1);
    const annexes = g.sections.filter((s) => s.key.startsWith('annex:'));
    expect(annexes.map((s) => s.key)).toEqual(perSymbol.rows.map((r) => `annex:${r.symbol}`));
    for (const [i, r] of perSymbol.rows.entries()) {
      const [table] = tables(annexes[i]!.blocks);
      expect(table?.type === 'table' && table.rows).toHaveLength(r.n);
    }
    const total = perSymbol.rows.reduce((a, r) => a + r.n, 0);
    expect(text(section(g, 'annexes').blocks)).toContain(
      `${total} aanbevelingen uit ${perSymbol.rows.length} documenten`,
    );
    const upr = annexes.find((s) => s.key === 'annex:A/HRC/36/15');
    if (upr) {
      const [table] = tables(upr.blocks);
      expect(
        table?.type === 'table' && table.rows.map((row) => row[2]).filter((p) => p === 'aanvaard'),
      ).toHaveLength(1);
    }
  });

  it('annexes the recommendations of a document dated in the year', async () => {
    const n = await db.query<{ n: number }>(
      "select count(*)::int as n from recommendations where symbol = 'E/C.12/NLD/CO/7'",
    );
    const annexes = letter.sections.filter((s) => s.key.startsWith('annex:'));
    expect(annexes.map((s) => s.key)).toEqual(['annex:E/C.12/NLD/CO/7']);
    const [table] = tables(annexes[0]!.blocks);
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.columns).toEqual(['Nr.', 'Aanbeveling', 'Standpunt']);
    expect(table.rows).toHaveLength(n.rows[0]!.n);
    expect(table.rows.filter((r) => r[2] === 'appreciatie vastgelegd')).toHaveLength(1);
  });

  it('refuses a year without data with a clear error naming the year', async () => {
    await expect(
      generateAnnualLetter(db, { kind: 'annual_letter', year: 2003 }, { actor, today }),
    ).rejects.toMatchObject({
      code: 'letter.no_data_for_year',
      params: { year: 2003 },
    });
  });
});
