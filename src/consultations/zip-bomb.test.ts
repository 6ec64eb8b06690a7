import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectZip, ZIP_LIMITS } from '../core/zip.ts';
import { SUBMISSION_LIMITS } from './schema.ts';
import { at, docxFile, fixture, goodFields, hour, type Fixture } from './test-fixtures.ts';

/**
 * Zip bombs, built here and small on disk: a .docx whose word/document.xml declares 1 GB, one that
 * declares little and unpacks to far more, one that expands a thousand times, one of too many
 * parts. The public form refuses each before saving anything, and each refusal counts toward the
 * hourly limit of the address.
 */

const MB = 1024 * 1024;

/** Raw deflate data that unpacks to `mb` megabytes of zeros, about 1 kB per MB. */
function zeros(mb: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(MB), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]);
}

interface Entry {
  name: string;
  data: Buffer;
  /** 8 = deflate, 0 = stored */
  method: number;
  declaredSize: number;
}

/** A zip written by hand, so that the sizes it declares can be anything. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const stored = (name: string, text: string): Entry => ({
  name,
  data: Buffer.from(text),
  method: 0,
  declaredSize: Buffer.byteLength(text),
});

/** The parts of a real Word package, with `document` as word/document.xml. */
function docxWith(document: Entry, extra: Entry[] = []): Buffer {
  return zip([
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    stored('_rels/.rels', '<?xml version="1.0"?><Relationships/>'),
    document,
    ...extra,
  ]);
}

const BOMBS: Record<string, () => Buffer> = {
  'a part that declares 1 GB': () =>
    docxWith({ name: 'word/document.xml', data: zeros(2), method: 8, declaredSize: 1024 * MB }),
  'a part that declares 10 kB and unpacks to 200 MB': () =>
    docxWith({ name: 'word/document.xml', data: zeros(200), method: 8, declaredSize: 10_000 }),
  'a part that expands a thousand times': () =>
    docxWith({ name: 'word/document.xml', data: zeros(5), method: 8, declaredSize: 5 * MB }),
  'parts that together unpack to more than 100 MB': () =>
    docxWith(
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'), method: 0, declaredSize: 13 },
      Array.from({ length: 3 }, (_, i) => ({
        name: `word/media/part${i}.bin`,
        data: zeros(40),
        method: 8,
        declaredSize: 40 * MB,
      })),
    ),
  'more parts than a document has': () =>
    docxWith(
      stored('word/document.xml', '<w:document/>'),
      Array.from({ length: ZIP_LIMITS.maxEntries }, (_, i) => stored(`word/p${i}.xml`, 'x')),
    ),
};

describe('the zip check (one module for every upload)', () => {
  for (const [what, make] of Object.entries(BOMBS)) {
    it(`refuses ${what}`, async () => {
      const bomb = make();
      expect(bomb.length).toBeLessThan(SUBMISSION_LIMITS.maxFileBytes);
      const verdict = await inspectZip(bomb);
      expect(verdict.ok).toBe(false);
    });
  }

  it('stops unpacking a lying part as soon as it passes what it declares', async () => {
    const verdict = await inspectZip(
      docxWith({ name: 'word/document.xml', data: zeros(200), method: 8, declaredSize: 10_000 }),
    );
    expect(verdict).toMatchObject({ ok: false, problem: 'larger_than_declared', part: 'word/document.xml' });
  });

  it('accepts a real .docx and an honest part', async () => {
    expect((await inspectZip(await docxFile())).ok).toBe(true);
    const honest = docxWith({ name: 'word/document.xml', data: zeros(1), method: 8, declaredSize: MB });
    expect((await inspectZip(honest)).ok).toBe(true);
  });
});

describe('zip bombs sent to the public consultation form', () => {
  let f: Fixture;
  let open: { id: string };
  beforeAll(async () => {
    f = await fixture();
    open = await f.createConsultation(at(-hour), at(24 * hour));
  });
  afterAll(() => f?.t.close());

  it('refuses every bomb with a 400 naming the file, and saves nothing', async () => {
    let i = 0;
    for (const [what, make] of Object.entries(BOMBS)) {
      const res = await f.submit(
        open.id,
        goodFields(await f.formToken(open.id)),
        [{ name: 'inbreng.docx', content: make() }],
        { ip: `198.51.100.${++i}` },
      );
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expect(res.json().code, what).toMatch(/^document_file\./);
      expect(res.json().params.file).toBe('inbreng.docx');
    }
    expect(await f.count('consultation_submissions')).toBe(0);
    expect(await f.count('consultation_attachments')).toBe(0);
  });

  it('refuses control characters and direction overrides in the form fields, naming the field', async () => {
    const token = await f.formToken(open.id);
    for (const [field, value] of [
      ['organisationName', 'Stichting\u0000'],
      ['contactName', 'Jan\u009b'],
      ['body', 'Inbreng \u202e'],
      ['body', 'Inbreng\u0007'],
    ] as const) {
      const res = await f.submit(open.id, goodFields(token, { [field]: value }), [], { ip: '192.0.2.99' });
      expect(res.statusCode, `${field} ${res.body}`).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ path: `body.${field}` }));
    }
    const lines = await f.submit(open.id, goodFields(token, { body: 'Regel een\nRegel\ttwee' }), [], {
      ip: '192.0.2.98',
    });
    expect(lines.statusCode, lines.body).toBe(201);
  });

  it('counts refused uploads toward the limit of the address', async () => {
    const ip = '203.0.113.77';
    const bomb = BOMBS['a part that expands a thousand times']!();
    for (let n = 0; n < SUBMISSION_LIMITS.perAddressPerHour; n++) {
      const res = await f.submit(
        open.id,
        goodFields(await f.formToken(open.id)),
        [{ name: 'inbreng.docx', content: bomb }],
        { ip },
      );
      expect(res.statusCode).toBe(400);
    }
    const next = await f.submit(open.id, goodFields(await f.formToken(open.id)), [], { ip });
    expect(next.statusCode).toBe(429);
    expect(next.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    const other = await f.submit(open.id, goodFields(await f.formToken(open.id)), [], { ip: '203.0.113.78' });
    expect(other.statusCode).toBe(201);
  });
});
