import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { readIati } from './iati.ts';
import { cashPayments, yearlyDisbursements } from './cash-basis.ts';
import { domActivities, sampleXml } from './iati-sample.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const refused = (xml: string): AppError => {
  try {
    readIati(bytes(xml), 'test.xml');
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the file was accepted');
};

/** One activity with the transactions and planned disbursements given (IATI 2.03). */
const activityFile = (inner: string, currency = 'EUR') => `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="${currency}">
    <iati-identifier>XM-DAC-7-PPR-1</iati-identifier>
    <title><narrative>JISRA</narrative></title>
    <sector code="15160"/>
    ${inner}
  </iati-activity>
</iati-activities>`;
const tx = (type: string, date: string, value: number, extra = '', valueDate = date) =>
  `<transaction><transaction-type code="${type}"/><transaction-date iso-date="${date}"/>` +
  `<value value-date="${valueDate}">${value}</value>${extra}</transaction>`;
const planned = (year: number, value: number) =>
  `<planned-disbursement><period-start iso-date="${year}-01-01"/><period-end iso-date="${year}-12-31"/>` +
  `<value value-date="${year}-01-01">${value}</value></planned-disbursement>`;

describe('reading the MFA IATI sample', () => {
  const file = readIati(bytes(sampleXml()), 'sample.xml');
  const dom = domActivities(sampleXml());

  it('reads every activity with its fields', () => {
    expect(file.version).toBe('2.03');
    expect(file.activities.map((a) => a.identifier)).toEqual(dom.map((a) => a.identifier));
    expect(file.activities.reduce((n, a) => n + a.transactions.length, 0)).toBe(69);
    const a = file.activities.find((x) => x.identifier === 'NL-1-PPR-27790')!;
    expect(a.title).toBe('AST BUSINESS AND HUMAN RIGHTS');
    expect(a.defaultCurrency).toBe('EUR');
    expect(a.sectors).toEqual([{ code: '15160', vocabulary: '1', percentage: null }]);
    expect(a.recipientCountries).toEqual([{ code: 'KZ', percentage: null }]);
    expect(a.policyMarkers).toHaveLength(9);
    expect(a.policyMarkers.find((m) => m.code === '3')?.significance).toBe('2');
    expect(a.budgets.map((b) => b.value)).toEqual([93796]);
    // The README's net commitment of this activity: 93 796 − 14 838 − 775.
    const commitments = a.transactions.filter((t) => t.type === '2').reduce((s, t) => s + t.value, 0);
    expect(commitments).toBe(78183);
    const region = file.activities.find((x) => x.identifier === 'NL-1-PPR-28385')!;
    expect(region.recipientRegions).toEqual([{ code: '998', percentage: null }]);
  });

  it('gives the yearly disbursements per activity that a DOM walk over the XML gives', () => {
    const yearly = yearlyDisbursements(file.activities);
    for (const a of dom) {
      const mine = yearly.get(a.identifier)!;
      const expected = new Map([...a.disbursements].map(([y, v]) => [y, new Map([['EUR', v]])]));
      expect(mine, a.identifier).toEqual(expected);
    }
    // Two checked by hand in the file: 27787 paid 56 665 in 2015 and 68 926 in 2016.
    expect(yearly.get('NL-1-PPR-27787')).toEqual(
      new Map([
        [2015, new Map([['EUR', 56665]])],
        [2016, new Map([['EUR', 68926]])],
      ]),
    );
  });

  it('finds no advance in the sample: no December payment there matches the next year', () => {
    expect(file.activities.flatMap(cashPayments).filter((p) => p.advanceFor !== null)).toEqual([]);
  });
});

describe('files that are not IATI 2.0x are refused, naming what is wrong', () => {
  it('not XML', () => {
    const err = refused('jaar;bedrag\n2024;100');
    expect(err.code).toBe('report.iati_not_xml');
  });
  it('another root element', () => {
    const err = refused('<?xml version="1.0"?><iati-organisations version="2.03"/>');
    expect(err.code).toBe('report.iati_wrong_root');
    expect(err.params).toMatchObject({ root: 'iati-organisations' });
  });
  it('IATI 1.05, or no version at all', () => {
    const err = refused(sampleXml().replace('version="2.03"', 'version="1.05"'));
    expect(err.code).toBe('report.iati_version');
    expect(err.params).toMatchObject({ version: '1.05' });
    expect(refused('<iati-activities><iati-activity/></iati-activities>').code).toBe('report.iati_version');
  });
  it('a DOCTYPE (entity expansion)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><iati-activities version="2.03"/>';
    expect(refused(xml).code).toBe('report.iati_doctype');
  });
});

describe('bad transactions refuse the whole file, naming activity and transaction', () => {
  it('an unknown currency', () => {
    const err = refused(
      activityFile(
        tx('3', '2024-03-01', 10) + tx('3', '2024-04-01', 20).replace('<value ', '<value currency="EUX" '),
      ),
    );
    expect(err.code).toBe('report.iati_transaction');
    expect(err.params).toMatchObject({
      activity: 'XM-DAC-7-PPR-1',
      transaction: 2,
      problem: 'currency_unknown',
      value: 'EUX',
    });
    expect(err.message).toContain('Transaction 2 of activity XM-DAC-7-PPR-1');
  });
  it('an unknown default currency, a transaction without date, all listed', () => {
    const noDate = '<transaction><transaction-type code="3"/><value>5</value></transaction>';
    const err = refused(activityFile(tx('3', '2024-03-01', 10) + noDate, 'XXY'));
    expect(err.params).toMatchObject({ transaction: 1, problem: 'currency_unknown', count: 3 });
    expect((err.details as { problems: { transaction: number; problem: string }[] }).problems).toEqual([
      { activity: 'XM-DAC-7-PPR-1', transaction: 1, problem: 'currency_unknown', value: 'XXY' },
      { activity: 'XM-DAC-7-PPR-1', transaction: 2, problem: 'date_missing', value: '' },
      { activity: 'XM-DAC-7-PPR-1', transaction: 2, problem: 'currency_unknown', value: 'XXY' },
    ]);
  });
  it("a transaction's own known currency is kept", () => {
    const f = readIati(
      bytes(activityFile(tx('3', '2024-03-01', 10).replace('<value ', '<value currency="USD" '))),
      'x',
    );
    expect(f.activities[0]!.transactions[0]!.currency).toBe('USD');
  });
});

describe('cash basis and the advance rule', () => {
  const payments = (inner: string) => cashPayments(readIati(bytes(activityFile(inner)), 'x').activities[0]!);

  it('counts disbursements only, in the year of their transaction date', () => {
    const p = payments(
      tx('2', '2024-01-10', 1000) +
        tx('2', '2024-06-01', -200) +
        tx('3', '2024-02-01', 300) +
        tx('4', '2024-03-01', 50) +
        tx('3', '2025-01-02', 400),
    );
    expect(p.map((x) => [x.year, x.value])).toEqual([
      [2024, 300],
      [2025, 400],
    ]);
  });

  it('a December payment with a value-date in the next year is an advance that counts in the year paid', () => {
    const [p] = payments(tx('3', '2024-12-18', 9395942, '', '2025-01-01'));
    expect(p).toMatchObject({ year: 2024, advanceFor: 2025, advanceReason: 'value-date' });
  });

  it('so is one whose description names an advance for the next year', () => {
    const [p] = payments(
      tx('3', '2024-12-18', 500, '<description><narrative>Voorschot 2025 JISRA</narrative></description>'),
    );
    expect(p).toMatchObject({ year: 2024, advanceFor: 2025, advanceReason: 'description' });
    const [q] = payments(
      tx('3', '2024-12-18', 500, '<description><narrative>Betaling 2025</narrative></description>'),
    );
    expect(q!.advanceFor).toBeNull();
  });

  it("so is one that pays the next year's planned disbursement, not this year's", () => {
    const [p] = payments(planned(2024, 100) + planned(2025, 9395942) + tx('3', '2024-12-18', 9395942));
    expect(p).toMatchObject({ year: 2024, advanceFor: 2025, advanceReason: 'planned-disbursement' });
    const [q] = payments(planned(2024, 700) + planned(2025, 700) + tx('3', '2024-12-18', 700));
    expect(q!.advanceFor).toBeNull();
  });

  it('a payment in November, or in December for the year itself, is no advance', () => {
    const p = payments(tx('3', '2024-11-30', 1, '', '2025-01-01') + tx('3', '2024-12-18', 2));
    expect(p.map((x) => x.advanceFor)).toEqual([null, null]);
  });
});
