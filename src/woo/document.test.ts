import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../letters/docx.ts';
import { LetterDocument, type LetterDocumentInput } from '../letters/schema.ts';
import { documentText, redactDocument } from './document.ts';
import { findPersonalData } from './find.ts';
import { RedactionList, type Finding } from './schema.ts';

/** A memo with civil servants' names in its fields and in its text, an e-mail address and phone numbers. */
const memo: LetterDocumentInput = {
  kind: 'memo',
  sender: { organisation: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' },
  fields: {
    to: ['Minister van BZK'],
    from: ['DG Openbaar Bestuur en Democratische Rechtsstaat'],
    consultedWith: ['JenV (Karin Mulder)', 'SZW'],
    date: '2026-02-06',
    reference: '2026-0000123456',
    draftedBy: ['Jan de Vries', 'T 06-12345678'],
  },
  purpose: 'decision',
  title: 'Kabinetsbrief over rapportages onder mensenrechtenverdragen',
  sections: [
    {
      heading: 'Aanleiding',
      blocks: [
        {
          type: 'paragraph',
          text: 'Mevrouw Bakker van het CRM vroeg om een reactie; zij is bereikbaar via s.bakker@mensenrechten.nl.',
        },
      ],
    },
    {
      heading: 'Kern',
      blocks: [
        { type: 'bullets', items: ['Het netwerk kwam in 2025 vier keer bijeen.'] },
        {
          type: 'table',
          columns: ['Contact', 'Telefoon'],
          rows: [['Jan de Vries', '070 123 4567']],
        },
      ],
    },
  ],
  attachments: [{ name: 'Kabinetsbrief', information: 'Ter ondertekening; vragen aan Jan de Vries' }],
};

const known = { names: ['Jan de Vries', 'Karin Mulder'], emails: [], phones: [] };
const personal = [
  'Jan de Vries',
  'Karin Mulder',
  'Bakker',
  's.bakker@mensenrechten.nl',
  '06-12345678',
  '070 123 4567',
];

const listOf = (findings: Finding[], extra: Partial<RedactionList> = {}) =>
  RedactionList.parse({ findings, added: [], reviewed: true, ...extra });

/** Every text a .docx holds: its body, headers, footers and properties. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((f) => f.endsWith('.xml'));
  const xml = await Promise.all(parts.map((f) => zip.file(f)!.async('string')));
  return xml.join('\n').replace(/<[^>]+>/g, '');
}

describe('the Woo redaction of a document', () => {
  const doc = LetterDocument.parse(memo);
  const { text, segments } = documentText(doc);
  const findings = findPersonalData(text, known);

  it('reads every text of the document, the memo fields with their labels, and no dates or kinds', () => {
    expect(text).toContain('Opgesteld door: Jan de Vries\nT 06-12345678\n');
    expect(text).toContain('Afgestemd met: JenV (Karin Mulder)\nSZW\n');
    expect(text).toContain('070 123 4567');
    expect(text).toContain('Ter ondertekening; vragen aan Jan de Vries');
    expect(text).not.toContain('2026-02-06');
    expect(text).not.toContain('memo\n');
    for (const s of segments) expect(text.slice(s.end, s.end + 1)).toBe('\n');
  });

  it('finds each name, address and number where the document has it', () => {
    const found = findings.map((f) => f.text);
    for (const p of personal) expect(found.some((f) => f.includes(p))).toBe(true);
  });

  it('leaves every finding out of the public version, in the field it lay in, with its ground', async () => {
    const pub = LetterDocument.parse(redactDocument(doc, listOf(findings)));
    const json = JSON.stringify(pub);
    for (const p of personal) expect(json).not.toContain(p);
    expect(pub.kind === 'memo' && pub.fields.draftedBy).toEqual(['[5.1.2e]', 'T [5.1.2e]']);
    expect(pub.kind === 'memo' && pub.fields.date).toBe('2026-02-06');
    expect(json).toContain('Het netwerk kwam in 2025 vier keer bijeen.');
    // The .docx of the public version holds none of it either, in no part of the package.
    const all = await docxText(await renderDocx(pub));
    for (const p of personal) expect(all).not.toContain(p);
    expect(all).toContain('[5.1.2e]');
    // The internal version still has it: the document itself is not changed.
    expect(JSON.stringify(doc)).toContain('Jan de Vries');
  });

  it('keeps what the reviewer keeps, and redacts a span added by hand with its own ground', () => {
    const kept = findings.map((f) => (f.text === 'Karin Mulder' ? { ...f, decision: 'keep' as const } : f));
    const start = text.indexOf('vier keer');
    const pub = redactDocument(
      doc,
      listOf(kept, { added: [{ start, end: start + 'vier keer'.length, ground: '5.1.2i' }] }),
    );
    const json = JSON.stringify(pub);
    expect(json).toContain('Karin Mulder');
    expect(json).toContain('Het netwerk kwam in 2025 [5.1.2i] bijeen.');
  });

  it('cuts a span over two fields in each, and never touches the labels between them', () => {
    const start = text.indexOf('Jan de Vries\nT 06');
    const end = start + 'Jan de Vries\nT 06-12345678'.length;
    const pub = redactDocument(doc, listOf([], { added: [{ start, end, ground: '5.1.2e' }] }));
    expect(pub.kind === 'memo' && pub.fields.draftedBy).toEqual(['[5.1.2e]', '[5.1.2e]']);
  });

  it('refuses a list made for another text of the document', () => {
    const changed = LetterDocument.parse({ ...memo, title: 'Een andere titel, langer dan de eerste' });
    expect(() => redactDocument(changed, listOf(findings))).toThrow(/does not match|outside/);
  });
});
