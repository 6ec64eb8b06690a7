/**
 * The responsible ministry of a record of the Tweede Kamer, found in what it names: a toezegging's
 * Ministerie ("Buitenlandse Zaken"), "Ministerie van …" or "minister van …" in its texts, or the
 * budget chapter of its Kamerstuk (V is Foreign Affairs). These are facts of the record and count as
 * verified. Failing those, the dossier's subject may point to a ministry (a guess, not verified);
 * failing that too, the coordinating ministry (BZK) is assigned, not verified, for a coordinator to confirm.
 */
import type { Queryable } from '../core/db.ts';
import { COORDINATING_MINISTRY_CODE } from '../core/policy.ts';

/** Budget chapters of the national budget (rijksbegroting) and their ministry. */
const BUDGET_CHAPTERS: Record<string, string> = {
  III: 'AZ',
  IV: 'BZK',
  V: 'BZ',
  VI: 'JenV',
  VII: 'BZK',
  VIII: 'OCW',
  IXB: 'FIN',
  X: 'DEF',
  XII: 'IenW',
  XV: 'SZW',
  XVI: 'VWS',
  XVII: 'BZ',
};

/** Subjects that point to a ministry: a guess, shown as "ministry to confirm". */
const SUBJECT_HINTS: [RegExp, string][] = [
  [
    /buitenlands beleid|buitenlandse zaken|europese raad|raad algemene zaken|ontwikkelingssamenwerking|buitenlandse handel/i,
    'BZ',
  ],
  [/jbz-raad|justiti|gevangen|inrichtingen|politie/i, 'JenV'],
  [/werkgelegenheid|sociale zaken/i, 'SZW'],
  [/volksgezondheid|infectieziekten|jeugdwet/i, 'VWS'],
  [/onderwijs/i, 'OCW'],
  [/landbouw|visserij/i, 'LVVN'],
  [/koninkrijksrelaties|binnenlandse zaken|slavernijverleden/i, 'BZK'],
  [/defensie|materieelprojecten/i, 'DEF'],
  [/asiel|migratie|vreemdelingen/i, 'AenM'],
];

export interface Ministries {
  byCode: Map<string, string>;
  /** Lower-case name without "Ministerie van " → id. */
  byName: Map<string, string>;
}

export async function loadMinistries(q: Queryable): Promise<Ministries> {
  const r = await q.query<{ id: string; code: string; name_nl: string }>(
    `select id, code, name_nl from organisations where kind = 'ministry'`,
  );
  return {
    byCode: new Map(r.rows.map((o) => [o.code, o.id])),
    byName: new Map(r.rows.map((o) => [o.name_nl.replace(/^Ministerie van /i, '').toLowerCase(), o.id])),
  };
}

const byName = (m: Ministries, name: string): string | undefined => {
  const key = name
    .replace(/^(het )?ministerie van /i, '')
    .replace(/\s*\(.*$/, '')
    .trim()
    .toLowerCase();
  return m.byName.get(key);
};

/** "Ministerie van Buitenlandse Zaken (V)", "minister van Justitie en Veiligheid" in a text. */
function namedIn(m: Ministries, text: string): string | undefined {
  for (const hit of text.matchAll(/\b(?:ministerie|minister|staatssecretaris) van ([A-Z][^(),.;]*)/gi)) {
    const words = hit[1]!.split(/\s+/);
    // The longest run of words that is a ministry's name: "Buitenlandse Zaken voor het jaar" → "Buitenlandse Zaken".
    for (let n = words.length; n > 0; n--) {
      const id = byName(m, words.slice(0, n).join(' '));
      if (id) return id;
    }
  }
  return undefined;
}

export function findMinistry(
  m: Ministries,
  facts: { ministry?: string | null; texts: (string | null)[]; toevoeging?: string | null },
): { organisationId: string; verified: boolean } {
  const explicit =
    (facts.ministry
      ? (byName(m, facts.ministry) ?? namedIn(m, `ministerie van ${facts.ministry}`))
      : undefined) ??
    facts.texts.map((t) => (t ? namedIn(m, t) : undefined)).find(Boolean) ??
    (facts.toevoeging ? m.byCode.get(BUDGET_CHAPTERS[facts.toevoeging] ?? '') : undefined);
  if (explicit) return { organisationId: explicit, verified: true };
  const text = facts.texts.filter(Boolean).join(' ');
  for (const [re, code] of SUBJECT_HINTS) {
    const id = re.test(text) ? m.byCode.get(code) : undefined;
    if (id) return { organisationId: id, verified: false };
  }
  return { organisationId: m.byCode.get(COORDINATING_MINISTRY_CODE)!, verified: false };
}
