/**
 * A generator for the workspace's tests: it returns whatever the test puts in `testData`, so a test
 * can change "the data" between two generations. Registered for the annual letter in place of the
 * real one while a test file runs.
 */
import type { Role } from '../shared/schema.ts';
import { testApp, type Session } from '../test/app.ts';
import { registerGenerator } from './generators/index.ts';
import type { Generated, GeneratedSection } from './generators/types.ts';

export const paragraph = (text: string) => ({ type: 'paragraph' as const, text });

export const generatedSection = (
  key: string,
  heading: string,
  text: string,
  level?: 1 | 2,
): GeneratedSection => ({
  key,
  heading,
  blocks: [paragraph(text)],
  subsections: [],
  ...(level ? { level } : {}),
});

export const testData: { current: Generated; calls: number } = {
  calls: 0,
  current: {
    title: 'Jaarbrief verdragsrapportages 2025',
    frame: {
      kind: 'letter',
      addressee: [
        'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
        'Postbus 20018',
        '2500 EA  DEN HAAG',
      ],
      subject: 'Ontwikkelingen rond rapportages onder mensenrechtenverdragen',
      reference: '2026-0000000001',
      signature: ['De Minister van Binnenlandse Zaken en Koninkrijksrelaties,'],
      language: 'nl',
    },
    sections: [
      generatedSection(
        'network',
        'Het netwerk van verdragscoördinatoren',
        'Het netwerk kwam vier keer bijeen.',
      ),
      generatedSection('system', 'Het systeem van rapporteren', 'Er zijn negen verdragen.'),
      generatedSection(
        'treaties',
        'Ontwikkelingen per verdrag',
        'Per verdrag de ontwikkelingen van het jaar.',
      ),
      generatedSection(
        'treaty:CRC',
        'Het Verdrag inzake de Rechten van het Kind',
        'De dialoog vond plaats.',
        2,
      ),
      generatedSection('followup', 'Opvolging van aanbevelingen', 'Er zijn 12 aanbevelingen opgevolgd.'),
    ],
  },
};

/** Registers the test generator for the annual letter; returns the function that puts the real one back. */
export const useTestGenerator = (): (() => void) =>
  registerGenerator('annual_letter', async () => {
    testData.calls++;
    return structuredClone(testData.current);
  });

/** A test app with the test generator, a session per name (role and organisation) and the organisations' ids by code. */
export async function workspaceApp(users: Record<string, [Role, string?]>) {
  const restore = useTestGenerator();
  const t = await testApp();
  const s: Record<string, Session> = {};
  for (const [name, [role, org]] of Object.entries(users)) s[name] = await t.as(role, org);
  const r = await t.db.query<{ id: string; code: string }>('select id, code from organisations');
  const orgs = Object.fromEntries(r.rows.map((o) => [o.code, o.id]));
  const close = async () => {
    restore();
    await t.close();
  };
  return { t, s, orgs, close };
}
