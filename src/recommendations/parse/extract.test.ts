import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { checkZip, decodeText, extractFile, extractFromBuffer } from './extract.ts';
import { parseDocument } from './index.ts';
import { makeDocx, makePdf } from './test-files.ts';

/** Encodes text in a single-byte encoding, by inverting the platform's decoder. */
function encodeSingleByte(text: string, encoding: 'windows-1252' | 'macintosh'): Uint8Array {
  const dec = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return new Uint8Array(
    [...text].map((c) => {
      const b = table.get(c);
      if (b === undefined) throw new Error(`${c} cannot be encoded in ${encoding}`);
      return b;
    }),
  );
}

const SAMPLE =
  'Het kabinet neemt deze aanbeveling over. De “Mensenrechtenraad” en het College’s rapport – over de ' +
  'coördinatie, één gezamenlijke aanpak en de financiële middelen – zijn geëvalueerd.';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-parse-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('expected the file to be refused');
}

describe('text files', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    const utf8 = new TextEncoder().encode(SAMPLE);
    expect(decodeText(utf8)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(SAMPLE);
  });

  it('recognises Windows-1252 and Mac-Roman when the bytes are not valid UTF-8', () => {
    expect(decodeText(encodeSingleByte(SAMPLE, 'windows-1252'))).toEqual({
      text: SAMPLE,
      encoding: 'windows-1252',
    });
    expect(decodeText(encodeSingleByte(SAMPLE, 'macintosh'))).toEqual({
      text: SAMPLE,
      encoding: 'macintosh',
    });
    const english = 'The State party’s report on women’s rights – “Children Safe at Home” – and the café.';
    expect(decodeText(encodeSingleByte(english, 'windows-1252')).text).toBe(english);
    expect(decodeText(encodeSingleByte(english, 'macintosh')).text).toBe(english);
  });

  it('a missing file or a directory is a clear error', async () => {
    expect(await refused(extractFile(path.join(tmp, 'nope.txt')))).toBe(
      `Cannot read ${path.join(tmp, 'nope.txt')}: the file does not exist.`,
    );
    expect(await refused(extractFile(tmp))).toBe(`Cannot read ${tmp}: it is a directory, not a file.`);
  });
});

describe('.docx files (a real minimal OOXML package, built with jszip)', () => {
  const paragraphs = [
    'Kabinetsreactie op het advies van de AIV',
    'Aanbeveling 1 – Stel een nationaal actieplan op.',
    'Het kabinet neemt deze aanbeveling over.',
    'Aanbeveling 2 – Richt een ministerie voor mensenrechten op.',
    'Het kabinet ziet geen aanleiding daartoe.',
  ];

  it('extracts the raw text with mammoth and parses it', async () => {
    const file = path.join(tmp, 'reactie.docx');
    fs.writeFileSync(file, await makeDocx(paragraphs));
    const r = await extractFile(file);
    expect(r.format).toBe('docx');
    expect(r.text.split(/\n+/).filter(Boolean)).toEqual(paragraphs);
    const doc = parseDocument(r.text);
    expect(doc.kind).toBe('advisory');
    expect(doc.recommendations.map((x) => [x.paragraph, x.text, x.position])).toEqual([
      ['Aanbeveling 1', 'Stel een nationaal actieplan op.', 'agrees'],
      ['Aanbeveling 2', 'Richt een ministerie voor mensenrechten op.', 'disagrees'],
    ]);
  });

  it('a truncated or corrupt .docx is refused as damaged', async () => {
    const good = await makeDocx(paragraphs);
    expect(await refused(extractFromBuffer(good.subarray(0, good.length - 40), 'cut.docx'))).toMatch(
      /^cut\.docx: this \.docx is damaged: /,
    );
    const corrupt = new Uint8Array(good);
    for (let i = 60; i < 160; i++) corrupt[i] = 0x41; // inside the deflated data of the first entry
    expect(await refused(extractFromBuffer(corrupt, 'corrupt.docx'))).toMatch(
      /^corrupt\.docx: this \.docx is damaged: /,
    );
    const notWord = new JSZip();
    notWord.file('hello.txt', 'hello');
    expect(
      await refused(extractFromBuffer(await notWord.generateAsync({ type: 'uint8array' }), 'x.docx')),
    ).toBe('x.docx: this .docx is damaged: it has no word/document.xml (is it a Word document?).');
  });

  it('refuses zip bombs: a part that expands more than 100 times, or too much data in all', async () => {
    const zip = await JSZip.loadAsync(await makeDocx(paragraphs));
    zip.file('word/media/padding.xml', '0'.repeat(3 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan((3 * 1024 * 1024) / 100);
    expect(await refused(extractFromBuffer(bomb, 'bomb.docx'))).toBe(
      'bomb.docx: the part word/media/padding.xml of this .docx expands more than 100 times; it is refused (a zip bomb?).',
    );
    expect(
      await refused(checkZip(await makeDocx(paragraphs), 'big.docx', { maxBytes: 500, maxRatio: 100 })),
    ).toBe('big.docx: this .docx would unpack to more than 0 MB; it is refused (a zip bomb?).');
  });

  it('refuses a .docx whose parts unpack to more than they declare', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', 'x'.repeat(50_000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Declare 100 bytes instead of 50,000 in the local header (offset 22) and the central directory (offset 24).
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(22, 100, true);
    for (let i = bytes.length - 22; i >= 0; i--)
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint32(i + 24, 100, true);
        break;
      }
    expect(await refused(extractFromBuffer(bytes, 'liar.docx'))).toBe(
      'liar.docx: the part word/document.xml of this .docx unpacks to more than it declares; it is refused (a zip bomb?).',
    );
  });
});

describe('.pdf files (a real minimal PDF, written with correct xref offsets)', () => {
  const page1 = [
    'CCPR/C/NLD/CO/5',
    'Concluding observations on the fifth periodic report of the Netherlands',
    'C. Principal subjects of concern and recommendations',
    '12. The Committee recommends that the State party:',
    '(a) Adopt a national action plan;',
    '(b) Collect data on discrimination.',
    'GE.19-12345',
  ];
  const page2 = [
    'CCPR/C/NLD/CO/5',
    '13. In accordance with rule 75 of its rules of procedure, the Committee requests the',
    'State party to provide, within 24 months, information on the implementation of the',
    'recommendations made in paragraph 12 (b) above.',
    'GE.19-12345',
  ];

  it('extracts the text page by page; the running header goes, the paragraphs parse', async () => {
    const file = path.join(tmp, 'co.pdf');
    fs.writeFileSync(file, makePdf([page1, page2]));
    const r = await extractFile(file);
    expect(r).toMatchObject({ format: 'pdf', pages: 2 });
    expect(r.text.split('\f')).toHaveLength(2);
    expect(r.text).toContain('(a) Adopt a national action plan;');
    const doc = parseDocument(r.text);
    expect(doc).toMatchObject({ kind: 'treaty_body', symbol: 'CCPR/C/NLD/CO/5', followUpDueMonths: 24 });
    expect(doc.recommendations.map((x) => [x.paragraph, x.text, x.followUp])).toEqual([
      ['para 12 (a)', 'Adopt a national action plan', false],
      ['para 12 (b)', 'Collect data on discrimination.', true],
    ]);
  });

  it('a corrupt or truncated PDF is refused as damaged; a PDF without text says so', async () => {
    const pdf = makePdf([page1]);
    expect(await refused(extractFromBuffer(pdf.subarray(0, 120), 'cut.pdf'))).toMatch(
      /^cut\.pdf: this \.pdf is damaged: /,
    );
    expect(
      await refused(extractFromBuffer(new TextEncoder().encode('%PDF-1.4\ngarbage'), 'bad.pdf')),
    ).toMatch(/^bad\.pdf: this \.pdf is damaged: /);
    expect(await refused(extractFromBuffer(new TextEncoder().encode('hello'), 'fake.pdf'))).toBe(
      'fake.pdf: this .pdf is damaged: it does not start with %PDF-.',
    );
    expect(await refused(extractFromBuffer(makePdf([[]]), 'empty.pdf'))).toBe(
      'empty.pdf: this .pdf has no text layer (a scan?); run text recognition (OCR) on it first.',
    );
  });
});
