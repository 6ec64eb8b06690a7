/**
 * The data the tests of the annual human rights report put in: the framework of 2025 (migration
 * 0033) given goals and indicators, examples per result area, IATI expenditures of 2024 and 2025
 * (the JISRA advance for 2025 paid in December 2024, an advance for 2026 paid in December 2025)
 * and a Human Rights Council term 2025–2027; and the annex's figures computed by hand.
 */
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { insertRow, type TableSpec } from '../../core/write.ts';
import { addPledge, addPriority, addResolution, addResult, createTerm } from '../../hrc/service.ts';
import { createGoal, createIndicator } from '../../report/framework-edit.ts';
import { importIati } from '../../report/imports.ts';
import { setActivityPriority } from '../../report/service.ts';
import type { Block } from '../schema.ts';
import { id } from './test-fixtures.ts';

/** The text of blocks: paragraphs, items on lines, a table's cells joined by " | ". */
export const blocksText = (blocks: Block[]): string =>
  blocks
    .map((b) =>
      b.type === 'paragraph' ? b.text : b.type === 'table' ? b.rows.flat().join(' | ') : b.items.join('\n'),
    )
    .join('\n');

const activity = (identifier: string, title: string, transactions: [string, number, string?][]) => `
  <iati-activity default-currency="EUR">
    <iati-identifier>${identifier}</iati-identifier>
    <title><narrative>${title}</narrative></title>
    <sector code="15160" percentage="100"/>
    ${transactions
      .map(
        ([date, value, description]) =>
          `<transaction><transaction-type code="3"/><transaction-date iso-date="${date}"/><value>${value}</value>${
            description ? `<description><narrative>${description}</narrative></description>` : ''
          }</transaction>`,
      )
      .join('\n')}
  </iati-activity>`;

/** JISRA's advance for 2025 is planned as 2025's disbursement and paid in December 2024 (the seed's case). */
const IATI = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="EUR">
    <iati-identifier>XM-DAC-7-PPR-4000001</iati-identifier>
    <title><narrative>JISRA Power of Voices</narrative></title>
    <sector code="15160" percentage="100"/>
    <planned-disbursement><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>9000000</value></planned-disbursement>
    <planned-disbursement><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><value>9395942</value></planned-disbursement>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-15"/><value>9000000</value></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2024-12-16"/><value>9395942</value></transaction>
  </iati-activity>
  ${activity('XM-DAC-7-PPR-4000002', 'Free Press', [
    ['2024-05-01', 250000],
    ['2025-03-03', 1250000.5],
    ['2025-12-10', 300000, 'Voorschot 2026'],
  ])}
  ${activity('XM-DAC-7-PPR-4000003', 'Mensenrechtenfonds', [['2025-06-30', 40000]])}
</iati-activities>`;

/** The annex's figures, computed by hand from the XML above. */
export const FIGURES = {
  2024: { religion: '18.395.942', expression: '250.000', other: '0', total: '18.645.942' },
  2025: { religion: '0', expression: '1.550.000,50', other: '40.000', total: '1.590.000,50' },
};
export const JISRA_NOTE =
  'Het voorschot voor 2025 van activiteit XM-DAC-7-PPR-4000001 (EUR 9.395.942) werd in december 2024 al uitbetaald en is daarom niet meegerekend in de cijfers voor 2025.';

interface ExampleWrite {
  year: number;
  areaCode: number;
  priority: string | null;
  title: string;
  body: string;
  position: number;
}
const exampleTable: TableSpec<{ id: string; version: number }, ExampleWrite> = {
  table: 'report_examples',
  entity: 'report_example',
  writable: ['year', 'areaCode', 'priority', 'title', 'body', 'position'],
};

export async function seedReportData(db: Db, actor: Actor): Promise<void> {
  const areaId = (code: number) =>
    id(db, 'select id from framework_areas where year = 2025 and code = $1', [code]);
  const priorityId = (p: string) =>
    id(db, 'select id from framework_priorities where year = 2025 and priority = $1', [p]);
  const goal = await createGoal(db, actor, 2025, {
    areaId: await areaId(2),
    text: 'Versterkte democratische instituties',
  });
  await createIndicator(db, actor, goal.id, {
    text: 'Landen met steun voor verkiezingswaarneming',
    unit: 'landen',
    baseline: '4',
    target: '8',
    reached: '7',
  });
  await createGoal(db, actor, 2025, {
    priorityId: await priorityId('religion_belief'),
    text: 'Ruimte voor geloof',
  });
  await db.transaction(async (tx) => {
    const examples: ExampleWrite[] = [
      {
        year: 2025,
        areaCode: 1,
        priority: 'expression',
        title: 'Journalisten in Oost-Afrika',
        body: 'Dertig journalisten kregen juridische bijstand.',
        position: 1,
      },
      {
        year: 2025,
        areaCode: 2,
        priority: null,
        title: 'Verkiezingen in Moldavië',
        body: 'Nederland steunde de waarneming.\n\nTweede alinea.',
        position: 1,
      },
      {
        year: 2025,
        areaCode: 4,
        priority: null,
        title: 'Bewijs voor het Strafhof',
        body: 'Getuigenissen werden veiliggesteld.',
        position: 1,
      },
      {
        year: 2024,
        areaCode: 4,
        priority: null,
        title: 'Voorbeeld van vorig jaar',
        body: 'Hoort niet in 2025.',
        position: 1,
      },
    ];
    for (const e of examples) await insertRow(tx, actor, exampleTable, e);
  });
  await importIati(db, actor, 'uitgaven.xml', new TextEncoder().encode(IATI));
  await setActivityPriority(db, actor, 'XM-DAC-7-PPR-4000001', { priority: 'religion_belief' });
  await setActivityPriority(db, actor, 'XM-DAC-7-PPR-4000002', { priority: 'expression' });
  const term = await createTerm(db, actor, {
    startYear: 2025,
    endYear: 2027,
    status: 'member',
    electionDate: '2024-10-09',
    votesReceived: 164,
    seats: null,
    regionGroup: 'WEOG',
    notes: null,
  });
  await addPriority(db, actor, term.id, {
    title: 'Respect',
    description: 'voor de universaliteit van mensenrechten',
    position: 1,
  });
  await addPledge(db, actor, term.id, {
    text: 'Nederland steunt het OHCHR met vrijwillige bijdragen.',
    madeOn: null,
    dueOn: '2027-12-31',
  });
  const resolution = { session: 58, coreGroup: ['Nederland', 'Mexico'], vote: null } as const;
  await addResolution(db, actor, term.id, {
    ...resolution,
    title: 'Civil society space',
    symbol: 'A/HRC/RES/58/12',
    role: 'lead',
    coreGroup: [...resolution.coreGroup],
    adoptedOn: '2025-04-03',
  });
  await addResolution(db, actor, term.id, {
    ...resolution,
    title: 'Resolution of another year',
    symbol: 'A/HRC/RES/55/1',
    role: 'co_sponsor',
    coreGroup: [],
    adoptedOn: '2024-04-03',
  });
  await addResult(db, actor, term.id, {
    year: 2025,
    text: 'De resolutie over maatschappelijke ruimte werd aangenomen.',
  });
}
