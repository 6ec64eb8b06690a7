import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { reportAbsent, sharedFile } from '../../recommendations/parse/shared-data.ts';
import { parseTweedeKamer } from './detect.ts';

function refused(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('parseTweedeKamer chooses the format by content', () => {
  it('reads a SyncFeed whatever its name', () => {
    const bytes = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/syncfeed-moties.xml'));
    const p = parseTweedeKamer(new Uint8Array(bytes), 'export.json');
    expect(p.format).toBe('syncfeed-xml');
    expect(p.motions).toHaveLength(3);
  });

  it('reads OData JSON, with a byte order mark and leading blanks', () => {
    const bytes = new TextEncoder().encode(
      '\uFEFF \n {"value": [{"Id": "z", "Nummer": "2024Z00001", "Onderwerp": "Motie"}]}',
    );
    const p = parseTweedeKamer(bytes, 'moties.xml');
    expect(p.format).toBe('odata-json');
    expect(p.motions.map((m) => m.number)).toEqual(['2024Z00001']);
  });

  const rel = 'data/tweedekamer/zaak-moties-mensenrechten-2022-2023.json';
  const file = sharedFile(rel);
  if (!file) reportAbsent(rel);
  else
    it('reads the shared JSON file', () => {
      expect(parseTweedeKamer(new Uint8Array(fs.readFileSync(file)), 'zaak.json').motions).toHaveLength(33);
    });

  it('refuses what is neither JSON nor XML, naming the file', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n...');
    expect(refused(() => parseTweedeKamer(pdf, 'motie.pdf'))).toMatchObject({
      status: 400,
      code: 'tweedekamer.unknown_format',
      params: { fileName: 'motie.pdf' },
    });
    expect(refused(() => parseTweedeKamer(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), 'x')).code).toBe(
      'tweedekamer.unknown_format',
    );
    expect(refused(() => parseTweedeKamer('', 'leeg.json')).code).toBe('tweedekamer.unknown_format');
    expect(refused(() => parseTweedeKamer('{"value": ', 'half.json')).code).toBe('tweedekamer.not_odata');
  });
});
