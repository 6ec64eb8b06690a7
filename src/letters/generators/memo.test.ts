import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { MemoParams } from '../kinds.ts';
import { LetterDocument } from '../schema.ts';
import { generateCoverLetter } from './cover-letter.ts';
import { generateMemo } from './memo.ts';
import { id, layoutOf, seededDb } from './test-fixtures.ts';

/** A memo from its form, and the covering letter to the Eerste Kamer, against documents of the workspace. */
let db: Db;
let actor: Actor;
let annualLetter: string;
let otherMemo: string;
const today = '2026-02-06';

const form = {
  kind: 'memo',
  fields: {
    to: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'],
    from: ['Directeur-generaal Koninkrijksrelaties'],
    consultedWith: ['BZ', 'JenV'],
    date: '2026-02-06',
    reference: '2026-0000061160',
    deadline: { date: '2026-02-13', note: 'MR' },
  },
  purpose: 'decision',
  title: 'Kabinetsbrief over ontwikkelingen rond rapportages onder mensenrechtenverdragen',
  aanleiding: 'Het netwerk van verdragscoördinatoren heeft een kabinetsbrief opgesteld.',
  geadviseerdBesluit: 'Indien de MR akkoord is, de kabinetsbrief te ondertekenen.',
  kern: '• Medio 2023 bracht het CRM zijn jaarrapport uit.\n• Het kabinet richtte een netwerk op.\n\nDe brief vormt een aanvulling.',
  toelichting: '',
  krachtenveld: '   ',
  nietOpenbaar: 'In de openbaar gemaakte versie zijn persoonsgegevens geanonimiseerd.',
  attachments: [{ name: 'Oplegbrief Eerste Kamer', information: 'Ter ondertekening en verzending' }],
};

const outgoing = async (kind: string, title: string, owner: string) =>
  id(
    db,
    `insert into outgoing_documents (kind, title, params, frame, owner_organisation_id)
     values ($1, $2, '{}', '{}', $3) returning id`,
    [kind, title, owner],
  );

beforeAll(async () => {
  ({ db, actor } = await seededDb());
  annualLetter = await outgoing('annual_letter', 'Jaarbrief verdragsrapportages 2025', actor.organisationId!);
  otherMemo = await outgoing('memo', 'Een andere nota', actor.organisationId!);
}, 120_000);
afterAll(() => db?.close());

describe('a memo', () => {
  it('has the fields of the form, its sections in order without the empty ones, bullets, and its attachments', async () => {
    const g = await generateMemo(db, MemoParams.parse(form));
    expect(g.title).toBe(form.title);
    expect(g.frame).toMatchObject({
      kind: 'memo',
      purpose: 'decision',
      fields: form.fields,
      title: form.title,
    });
    expect(g.sections.map((s) => s.heading)).toEqual([
      'Aanleiding',
      'Geadviseerd besluit',
      'Kern',
      'Informatie die niet openbaar gemaakt kan worden',
    ]);
    expect(g.sections.map((s) => s.key)).toEqual([
      'aanleiding',
      'geadviseerdBesluit',
      'kern',
      'nietOpenbaar',
    ]);
    expect(g.sections[2]!.blocks).toEqual([
      {
        type: 'bullets',
        items: ['Medio 2023 bracht het CRM zijn jaarrapport uit.', 'Het kabinet richtte een netwerk op.'],
      },
      { type: 'paragraph', text: 'De brief vormt een aanvulling.' },
    ]);
    expect(g.frame.kind === 'memo' && g.frame.attachments).toEqual(form.attachments);
    expect(LetterDocument.safeParse(layoutOf(g)).success).toBe(true);
  });

  it('lists the document it accompanies as attachment 1, asked for what the memo asks', async () => {
    const g = await generateMemo(db, MemoParams.parse({ ...form, accompanies: annualLetter }));
    expect(g.frame.kind === 'memo' && g.frame.attachments).toEqual([
      { name: 'Jaarbrief verdragsrapportages 2025', information: 'Ter ondertekening en verzending' },
      ...form.attachments,
    ]);
    const informs = await generateMemo(
      db,
      MemoParams.parse({ ...form, purpose: 'information', accompanies: annualLetter }),
    );
    expect(informs.frame.kind === 'memo' && informs.frame.attachments[0]!.information).toBe('Ter informatie');
    await expect(
      generateMemo(db, MemoParams.parse({ ...form, accompanies: '00000000-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is refused without its required fields, each named', () => {
    const { aanleiding: _a, kern: _k, purpose: _p, ...rest } = form;
    const r = MemoParams.safeParse({ ...rest, fields: { from: form.fields.from }, title: ' ' });
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages['fields.to']).toBe('"Aan" is required');
    expect(messages['fields.date']).toBe('"Datum" is required');
    expect(messages['purpose']).toContain('TER BESLISSING');
    expect(messages['title']).toBe('must not be empty');
    expect(z.prettifyError(r.error!)).toContain('"Aan" is required');
    const empty = MemoParams.safeParse({ ...form, aanleiding: '  ', kern: '' });
    expect(empty.error!.issues.map((i) => i.message).sort()).toEqual([
      '"Aanleiding" is required',
      '"Kern" is required',
    ]);
  });
});

describe('the covering letter to the Eerste Kamer', () => {
  it('sends the letter to the Tweede Kamer for information, briefly', async () => {
    const g = await generateCoverLetter(
      db,
      { kind: 'cover_letter', document: annualLetter },
      { actor, today },
    );
    if (g.frame.kind !== 'letter') throw new Error('not a letter');
    expect(g.frame.addressee[0]).toBe('Aan de Voorzitter van de Eerste Kamer der Staten-Generaal');
    expect(g.frame.subject).toBe('Jaarbrief verdragsrapportages 2025');
    expect(g.frame.signature).toEqual(['De Minister van Binnenlandse Zaken en Koninkrijksrelaties,']);
    expect(g.sections).toHaveLength(1);
    expect(g.sections[0]!.blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Hierbij zend ik u ter informatie een afschrift van mijn brief van heden aan de Voorzitter van de Tweede Kamer der Staten-Generaal met als onderwerp «Jaarbrief verdragsrapportages 2025».',
      },
    ]);
    expect(LetterDocument.safeParse(layoutOf(g)).success).toBe(true);
  });

  it("names the letter's subject where its frame has one", async () => {
    const sent = await id(
      db,
      `insert into outgoing_documents (kind, title, params, frame, owner_organisation_id)
       values ('advisory_response', 'Kabinetsreactie AIV', '{}', $1, $2) returning id`,
      [
        JSON.stringify({ kind: 'letter', subject: 'Kabinetsreactie op het advies «Mensenrechten»' }),
        actor.organisationId,
      ],
    );
    const g = await generateCoverLetter(db, { kind: 'cover_letter', document: sent }, { actor, today });
    expect(g.frame.kind === 'letter' && g.frame.subject).toBe(
      'Kabinetsreactie op het advies «Mensenrechten»',
    );
    expect(JSON.stringify(g.sections[0]!.blocks)).toContain(
      'met als onderwerp «Kabinetsreactie op het advies «Mensenrechten»»',
    );
  });

  it('refuses a document that is no letter to the Tweede Kamer, and one that does not exist', async () => {
    await expect(
      generateCoverLetter(db, { kind: 'cover_letter', document: otherMemo }, { actor, today }),
    ).rejects.toMatchObject({
      code: 'letter.not_a_letter_to_parliament',
      params: { title: 'Een andere nota' },
    });
    await expect(
      generateCoverLetter(
        db,
        { kind: 'cover_letter', document: '00000000-0000-4000-8000-000000000000' },
        { actor, today },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
