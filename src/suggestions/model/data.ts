/**
 * The labelled data the suggestion model learns from: UPR Info's recommendations (sessions 1-16, a
 * comma-separated list of UPR Info issue labels each) and OHCHR's thematic lists of recommendations
 * (UHRI themes, SDG goals and affected persons per recommendation). UPR Info's issue labels become
 * UHRI themes and groups through the taxonomy's aliases, resolved with the taxonomy's normalisation.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../recommendations/csv.ts';
import { normalizeTerm } from '../../taxonomy/normalize.ts';
import taxonomy from '../../reference/data/taxonomy.json' with { type: 'json' };

export type LabelSet = Record<'upr-info-issue' | 'uhri-theme' | 'uhri-group' | 'sdg-target', string[]>;

export interface LabelledText {
  /** Where the row comes from: "upr-info:123", "ohchr-cycle2:115.1". */
  id: string;
  text: string;
  /** UPR session (1-16) of a UPR Info row; null for a thematic-list row. */
  session: number | null;
  /** The OHCHR list a row comes from (2 or 3), null for UPR Info. */
  cycle: 2 | 3 | null;
  labels: LabelSet;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.resolve(here, '../../../../shared/data');
export const UPR_INFO_FILE = 'upr-info/upr-recommendations-sessions-01-16.csv';
export const THEMATIC_FILES = [
  'ohchr-thematic-lists/cycle2_UPR20_Slovenia_ThematicListRecommendations_E.txt',
  'ohchr-thematic-lists/cycle3_UPR34_Slovenia_Thematic_list_of_Recommendations.txt',
] as const;
/** Every file the model is trained from, in the order their bytes are hashed. */
export const TRAINING_FILES = [UPR_INFO_FILE, ...THEMATIC_FILES] as const;

/** The sha256 of the training files' bytes, one after the other in TRAINING_FILES order. */
export function trainingDataSha256(dir = DATA_DIR): string {
  const h = crypto.createHash('sha256');
  for (const f of TRAINING_FILES) h.update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex');
}

type Scheme = 'uhri_themes' | 'uhri_groups' | 'sdg_goals';
interface TermJson {
  code: string;
  label_en: string;
  aliases?: string[];
}

/** normalizeTerm(label or alias) → code, per scheme. */
const lookups = new Map<Scheme, Map<string, string>>();
function lookup(scheme: Scheme): Map<string, string> {
  let m = lookups.get(scheme);
  if (!m) {
    m = new Map();
    for (const t of (taxonomy as unknown as Record<Scheme, TermJson[]>)[scheme])
      for (const s of [t.label_en, ...(t.aliases ?? [])]) m.set(normalizeTerm(s), t.code);
    lookups.set(scheme, m);
  }
  return m;
}

/** The code of a term of the scheme a spelling stands for, or null. */
export function resolveCode(scheme: Scheme, spelling: string): string | null {
  if (scheme === 'uhri_themes') {
    const coded = /^\s*([A-Z]\d{1,2})\s/.exec(spelling)?.[1];
    if (coded && (taxonomy.uhri_themes as TermJson[]).some((t) => t.code === coded)) return coded;
  }
  return lookup(scheme).get(normalizeTerm(spelling)) ?? null;
}

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

/** UPR Info's rows with their issue labels, and the UHRI themes and groups those labels stand for. */
export function readUprInfo(dir = DATA_DIR): LabelledText[] {
  const rows = parseCsv(fs.readFileSync(path.join(dir, UPR_INFO_FILE), 'utf8'));
  const head = rows[0]!.fields;
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`${UPR_INFO_FILE} has no column ${name}`);
    return i;
  };
  const [id, text, issues, session] = [col('id'), col('text'), col('issues'), col('session')];
  const out: LabelledText[] = [];
  for (const row of rows.slice(1)) {
    const t = (row.fields[text] ?? '').trim();
    if (!t) continue;
    const issueLabels = uniq((row.fields[issues] ?? '').split(',').map((s) => s.trim()));
    out.push({
      id: `upr-info:${row.fields[id]}`,
      text: t,
      session: Number(row.fields[session]),
      cycle: null,
      labels: {
        'upr-info-issue': issueLabels,
        'uhri-theme': uniq(issueLabels.map((l) => resolveCode('uhri_themes', l))),
        'uhri-group': uniq(issueLabels.map((l) => resolveCode('uhri_groups', l))),
        'sdg-target': [],
      },
    });
  }
  return out;
}

/**
 * One OHCHR thematic list: each recommendation (numbered "115.1 ...", up to "Source of position")
 * with its themes (cycle 2: "A12 Acceptance ..." lines; cycle 3: "- ..." lines after the position),
 * its SDG goals ("SDGs:" then "- 16 - PEACE ...") and its affected persons. A recommendation listed
 * under several theme headings is one row.
 */
export function parseThematicLabels(text: string, cycle: 2 | 3, source: string): LabelledText[] {
  const byNumber = new Map<string, LabelledText>();
  let cur: LabelledText | null = null;
  let section: 'text' | 'position' | 'themes' | 'sdgs' | 'groups' | 'none' = 'none';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\u00a0/g, ' ').trim();
    if (!line) continue;
    const rec = /^(\d{1,3}\.\d{1,3})\s+(.+)$/.exec(line);
    if (/^Theme:/.test(line)) {
      section = 'none';
    } else if (rec && section !== 'text' && !/^\d{1,2}\.\d{1,2}\s*-/.test(line)) {
      const key = rec[1]!;
      cur = byNumber.get(key) ?? {
        id: `${source}:${key}`,
        text: rec[2]!.replace(/\s*;\s*$/, ''),
        session: null,
        cycle,
        labels: { 'upr-info-issue': [], 'uhri-theme': [], 'uhri-group': [], 'sdg-target': [] },
      };
      byNumber.set(key, cur);
      section = 'text';
    } else if (!cur) {
      continue;
    } else if (/^Source of position/i.test(line)) {
      section = 'position';
    } else if (section === 'text') {
      if (!byNumber.get(cur.id.split(':')[1]!)?.labels['uhri-theme'].length) cur.text += ` ${line}`;
    } else if (/^(Supported|Noted|Supported\s*\/\s*Noted|Pending)$/i.test(line)) {
      section = 'themes';
    } else if (/^SDGs:/.test(line)) {
      section = 'sdgs';
    } else if (/^Affected persons:/.test(line)) {
      section = 'groups';
    } else if (section === 'themes' || section === 'sdgs' || section === 'groups') {
      const item = line.replace(/^-\s*/, '');
      const [vocabulary, code] =
        section === 'themes'
          ? (['uhri-theme', resolveCode('uhri_themes', item)] as const)
          : section === 'sdgs'
            ? (['sdg-target', resolveCode('sdg_goals', item)] as const)
            : (['uhri-group', resolveCode('uhri_groups', item)] as const);
      if (code && !cur.labels[vocabulary].includes(code)) cur.labels[vocabulary].push(code);
    }
  }
  const out = [...byNumber.values()];
  for (const r of out) {
    r.text = r.text.replace(STATES, '').trim();
    for (const v of Object.values(r.labels)) v.sort();
  }
  return out;
}

/** The recommending states in parentheses after each part: "(France) (Lithuania);" */
const STATES = /\s*\([A-Z][^()]*\)(?=\s*(?:\([A-Z][^()]*\)\s*)*(?:;|$))/g;

/** Both OHCHR lists' rows. */
export function readThematicLists(dir = DATA_DIR): LabelledText[] {
  return THEMATIC_FILES.flatMap((f, i) =>
    parseThematicLabels(fs.readFileSync(path.join(dir, f), 'utf8'), i === 0 ? 2 : 3, `ohchr-cycle${i + 2}`),
  );
}
