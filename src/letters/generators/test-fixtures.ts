/**
 * The data the generators' tests put in: the Dutch reference data, the concluding observations
 * E/C.12/NLD/CO/7, the UPR Working Group report A/HRC/36/15 and the cabinet response to AIV advice
 * 122 (../shared/seeds) imported with the document importer, each with its row in the documents
 * table, positions recorded as a coordinator would, and a network meeting. Also: a generated
 * document as the layout engine's document, for the tests that render it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemActor, type Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { createDocument } from '../../documents/service.ts';
import { recordPosition } from '../../followup/position.ts';
import type { PositionInput } from '../../followup/schema.ts';
import { createMeeting } from '../../meetings/meetings.ts';
import { seedReferenceData } from '../../reference/seed.ts';
import { importFile } from '../../recommendations/importers.ts';
import { testDb } from '../../test/db.ts';
import { createUser } from '../../users/service.ts';
import type { LetterDocumentInput, Section } from '../schema.ts';
import type { Generated } from './types.ts';

export const system = systemActor('test');
const fixtures = path.join(import.meta.dirname, '../../recommendations/parse/fixtures');
export const AIV_SEED = path.resolve('../shared/seeds/kabinetsreactie-aiv-advies-122.txt');

export const id = async (db: Db, sql: string, params: unknown[] = []) =>
  (await db.query<{ id: string }>(sql, params)).rows[0]!.id;

/** A fresh database with the reference data and a coordinator of BZK, as the actor of the generators. */
export async function seededDb(): Promise<{ db: Db; actor: Actor; userIds: string[] }> {
  const db = await testDb();
  await seedReferenceData(db);
  const bzk = await id(db, "select id from organisations where code = 'BZK'");
  const userIds: string[] = [];
  for (const who of ['a', 'b'])
    userIds.push(
      (
        await createUser(db, system, {
          email: `coordinator.${who}@example.org`,
          name: `Coördinator ${who}`,
          role: 'coordinator',
          organisationId: bzk,
          password: 'correct horse battery staple',
        })
      ).id,
    );
  const actor: Actor = {
    id: userIds[0]!,
    label: 'Coördinator a',
    role: 'coordinator',
    organisationId: bzk,
    organisationCode: 'BZK',
  };
  return { db, actor, userIds };
}

export const importFixture = (db: Db, name: string, kind: 'auto' | 'advisory' = 'auto') =>
  importFile(db, system, 'document', name, new Uint8Array(fs.readFileSync(path.join(fixtures, name))), {
    documentKind: kind,
  });

/**
 * The concluding observations E/C.12/NLD/CO/7, registered with their instrument and then imported:
 * the import links its recommendations to the registered document of the same symbol.
 */
export async function concludingObservations(db: Db): Promise<string> {
  const icescr = await id(db, "select id from instruments where code = 'ICESCR'");
  const doc = await createDocument(db, system, {
    symbol: 'E/C.12/NLD/CO/7',
    title: 'Concluding observations on the sixth periodic report of the Netherlands',
    kind: 'concluding_observations',
    date: '2025-10-10',
    instrumentId: icescr,
  });
  await importFixture(db, 'e-c12-nld-co-7-layout.txt');
  return doc.id;
}

/**
 * The cabinet response to AIV advice 122 imported as an advisory report: the import registers the
 * document (it has no symbol) and links its recommendations to it.
 */
export async function aivAdvice(db: Db): Promise<string> {
  const summary = await importFile(db, system, 'document', 'aiv-advies-122.txt', fs.readFileSync(AIV_SEED), {
    documentKind: 'advisory',
  });
  if (!summary.committed || summary.created === 0) throw new Error('the AIV advice was not imported');
  return id(
    db,
    "select distinct document_id as id from recommendations where mechanism = 'advisory_council' and document_id is not null",
  );
}

/** Records a position (the first) on a recommendation. */
export const recordFirst = (db: Db, recId: string, input: Omit<PositionInput, 'version'>) =>
  recordPosition(db, system, recId, { ...input, version: null });

export const networkMeeting = async (db: Db, date: string, title: string, orgCodes: string[]) => {
  const orgs = await db.query<{ id: string }>(
    'select id from organisations where code = any($1) order by code',
    [orgCodes],
  );
  return createMeeting(db, system, {
    title,
    date,
    location: 'Den Haag',
    participants: orgs.rows.map((o) => ({ organisationId: o.id })),
  });
};

/** A generated document as the layout engine's document: a level-2 section becomes a part of the one before it. */
export function layoutOf(g: Generated, date = '2026-02-13'): LetterDocumentInput {
  const sections: Section[] = [];
  for (const s of g.sections) {
    const parent = sections[sections.length - 1];
    if (s.level === 2 && parent) parent.subsections.push({ heading: s.heading, blocks: s.blocks });
    else sections.push({ heading: s.heading, blocks: [...s.blocks], subsections: [...s.subsections] });
  }
  const sender = { organisation: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' };
  const f = g.frame;
  if (f.kind === 'memo')
    return {
      kind: 'memo',
      sender,
      fields: f.fields,
      purpose: f.purpose,
      title: f.title,
      attachments: f.attachments,
      sections,
    };
  if (f.kind === 'report')
    return { kind: 'report', sender, title: f.title, subtitle: f.subtitle, date, sections };
  if (f.language === 'en')
    return {
      kind: 'un_document',
      symbol: f.reference!,
      date,
      sessionLines: f.addressee,
      titleLines: f.subject.split(' — '),
      sections,
    };
  return {
    kind: 'letter',
    sender,
    addressee: f.addressee,
    place: 'Den Haag',
    date,
    subject: f.subject,
    reference: f.reference ?? '2026-0000000001',
    sections,
    signature: f.signature,
  };
}
