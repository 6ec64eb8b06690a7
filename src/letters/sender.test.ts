import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { png } from '../test/png.ts';
import { testData, useTestGenerator } from './test-generator.ts';
import type { SenderSetting } from './sender-schema.ts';
import type { WorkspaceDocument } from './workspace-schema.ts';

/**
 * The sender of the installation's letters: the default until an administrator sets one, then the
 * organisation, unit, address lines, font and logo every .docx prints. Only an administrator sets
 * it; a stale change or a logo that is no PNG is refused and changes nothing; each change is audited.
 */
let t: TestApp;
let restore: () => void;
const s: Record<string, Session> = {};
const URL = '/api/settings/letter-sender';
const initial = structuredClone(testData.current);

beforeAll(async () => {
  restore = useTestGenerator();
  t = await testApp();
  s.admin = await t.as('admin');
  s.coordinator = await t.as('coordinator');
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

const get = async () => (await t.call(s.coordinator!, 'GET', URL)).json() as SenderSetting;
const sender = {
  organisation: 'Ministerie van Justitie en Veiligheid',
  unit: 'Directie Wetgeving en Juridische Zaken',
  addressLines: ['Turfmarkt 147', 'Postbus 20301', '2500 EH  Den Haag'],
  font: 'RijksoverheidSansText',
};

/** The body, header and style parts of a .docx: what Word shows and which font it uses. */
async function docxParts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (re: RegExp) =>
    (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => re.test(f))
          .map((f) => zip.file(f)!.async('string')),
      )
    ).join('\n');
  return {
    text: await xml(/^word\/(document|header\d*)\.xml$/),
    styles: await xml(/^word\/styles\.xml$/),
    media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')),
  };
}

describe('the sender of the letters', () => {
  it('is the default until one is set', async () => {
    expect(await get()).toMatchObject({
      organisation: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
      logo: null,
      version: 0,
    });
  });

  it('is set by an administrator only', async () => {
    const res = await t.call(s.coordinator!, 'PATCH', URL, { ...sender, version: 0 });
    expect(res.statusCode).toBe(403);
    expect((await get()).version).toBe(0);
  });

  it('refuses a logo that is no PNG, and changes nothing', async () => {
    const res = await t.call(s.admin!, 'PATCH', URL, {
      ...sender,
      logo: Buffer.from('GIF89a not a png').toString('base64'),
      version: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('letter.logo_not_png');
    expect(await get()).toMatchObject({ version: 0, logo: null });
  });

  it('prints what the administrator sets on every .docx, and records the change', async () => {
    const logo = png(300, 120).toString('base64');
    const res = await t.call(s.admin!, 'PATCH', URL, { ...sender, logo, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...sender, logo, version: 1 });

    testData.current = structuredClone(initial);
    const doc = (
      await t.call(s.coordinator!, 'POST', '/api/letters', { params: { kind: 'annual_letter', year: 2025 } })
    ).json() as WorkspaceDocument;
    const file = await t.call(s.coordinator!, 'GET', `/api/letters/${doc.id}/docx`);
    expect(file.statusCode).toBe(200);
    const parts = await docxParts(file.rawPayload);
    expect(parts.text).toContain('Ministerie van Justitie en Veiligheid');
    expect(parts.text).toContain('Postbus 20301');
    expect(parts.styles).toContain('RijksoverheidSansText');
    expect(parts.media.length).toBe(1);

    const audit = await t.db.query<{ action: string; after: { organisation: string; logo: string } }>(
      "select action, after from audit_events where entity_type = 'setting' and entity_id = 'letter_sender'",
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.after.organisation).toBe('Ministerie van Justitie en Veiligheid');
    // The logo is on record by its hash, not its bytes.
    expect(audit.rows[0]!.after.logo).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a stale change, keeps the logo when none is sent and removes it when asked', async () => {
    const stale = await t.call(s.admin!, 'PATCH', URL, {
      ...sender,
      organisation: 'Iets anders',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    const kept = await t.call(s.admin!, 'PATCH', URL, { ...sender, unit: null, version: 1 });
    expect(kept.json()).toMatchObject({ unit: null, version: 2 });
    expect(kept.json().logo).not.toBeNull();
    const removed = await t.call(s.admin!, 'PATCH', URL, { ...sender, logo: null, version: 2 });
    expect(removed.json()).toMatchObject({ logo: null, version: 3 });
  });
});
