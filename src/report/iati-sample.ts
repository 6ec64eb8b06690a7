/**
 * For the tests: the MFA's IATI sample, and the sums of its disbursements computed straight from the
 * XML with a DOM (@xmldom/xmldom), independently of the importer's parser (fast-xml-parser).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';

export const SAMPLE_PATH = path.resolve(
  import.meta.dirname,
  '../../../shared/data/iati/nl-mfa-activities-2018-sample.xml',
);
export const sampleXml = (): string => fs.readFileSync(SAMPLE_PATH, 'utf8');

const children = (el: Element, name: string): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).tagName === name) out.push(n as Element);
  return out;
};
const child = (el: Element, name: string): Element | undefined => children(el, name)[0];

export interface DomActivity {
  identifier: string;
  sectors: string[];
  /** Disbursements (type 3): year of the transaction-date → sum. */
  disbursements: Map<number, number>;
  disbursementCount: number;
}

/** Every activity of an IATI file, read with a DOM walk. */
export function domActivities(xml: string): DomActivity[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement!;
  return children(root, 'iati-activity').map((a) => {
    const disbursements = new Map<number, number>();
    let disbursementCount = 0;
    for (const t of children(a, 'transaction')) {
      if (child(t, 'transaction-type')?.getAttribute('code') !== '3') continue;
      const year = Number(child(t, 'transaction-date')!.getAttribute('iso-date')!.substring(0, 4));
      const value = Number(child(t, 'value')!.textContent);
      disbursements.set(year, (disbursements.get(year) ?? 0) + value);
      disbursementCount++;
    }
    return {
      identifier: child(a, 'iati-identifier')!.textContent!.trim(),
      sectors: children(a, 'sector').map((s) => s.getAttribute('code')!),
      disbursements,
      disbursementCount,
    };
  });
}
