/**
 * Dev tool: extracts the UHRI theme and affected-person spellings from the OHCHR thematic lists of
 * recommendations in ../shared/data/ohchr-thematic-lists. Prints JSON
 * { themes: [{spelling, code?}], groups: [spelling] } with every distinct spelling.
 * and, with --write, merges the spellings into terms (one term per concept, every spelling an alias)
 * and writes them as uhri_themes / uhri_groups into src/reference/data/taxonomy.json.
 * Usage: node scripts/extract-uhri-terms.ts [--write] [folder]
 * Reads ../shared at development time only; the app reads the JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeTerm } from '../src/taxonomy/normalize.ts';

export interface ExtractedSpellings {
  themes: { spelling: string; code: string | null }[];
  groups: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultListsDir = path.resolve(here, '../../shared/data/ohchr-thematic-lists');

/** Parses one thematic list; spellings are returned as they occur (entities such as &amp; kept). */
export function extractFromText(text: string, out: ExtractedSpellings): void {
  const themeSeen = new Set(out.themes.map((t) => `${t.code ?? ''}|${t.spelling}`));
  const groupSeen = new Set(out.groups);
  const addTheme = (raw: string) => {
    const s = raw.trim();
    if (!s) return;
    const m = /^([A-Z]\d{1,2})\s+(.+)$/.exec(s);
    const code = m ? m[1]! : null;
    const key = `${code ?? ''}|${s}`;
    if (!themeSeen.has(key)) {
      themeSeen.add(key);
      out.themes.push({ spelling: s, code });
    }
  };
  const addGroup = (raw: string) => {
    const s = raw.trim();
    if (s && !groupSeen.has(s)) {
      groupSeen.add(s);
      out.groups.push(s);
    }
  };
  let section: 'none' | 'themes' | 'sdgs' | 'groups' = 'none';
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    if (/^Theme:/.test(line)) {
      addTheme(line.slice('Theme:'.length));
      section = 'none';
    } else if (/^\d+\.\d+\s/.test(line) || /^Source of position/i.test(line)) {
      section = 'none';
    } else if (/^(Supported|Noted|Supported\/Noted)$/i.test(line)) {
      section = 'themes';
    } else if (/^SDGs:/.test(line)) {
      section = 'sdgs';
    } else if (/^Affected persons:/.test(line)) {
      section = 'groups';
    } else if (line.startsWith('- ')) {
      if (section === 'themes') addTheme(line.slice(2));
      else if (section === 'groups') addGroup(line.slice(2));
    } else if (/^[A-Z]\d{1,2}\s/.test(line) && section === 'themes') {
      addTheme(line);
    }
  }
}

export function extractFromDir(dir: string): ExtractedSpellings {
  const out: ExtractedSpellings = { themes: [], groups: [] };
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    extractFromText(fs.readFileSync(path.join(dir, f), 'utf8'), out);
  }
  return out;
}

/**
 * Old (cycle-2, coded) and new (cycle-3, uncoded) names of the same UHRI term, where the new name is
 * clearly a rename of the old one. Keyed by normalizeTerm(new name). Spellings whose normalized form
 * already equals an old name's need no entry.
 */
const THEME_RENAMES: Record<string, string> = {
  'cooperation and follow up with treaty bodies': 'A22',
  'inter-state cooperation and development or humanitarian assistance': 'A3',
  'right to health': 'E41',
  'right to participate in public affairs and right to vote': 'D7',
  'right to education': 'E51',
  'right to an adequate standard of living': 'E21',
  'right to effective remedy and reparations': 'B51',
  'freedom of opinion and expression and right to information': 'D43',
  'statistics, indicators and disaggregated data': 'A62',
  'rights related to name, identity and nationality': 'D6',
};
/** Affected-person spellings that are the same group (keyed by normalized spelling → normalized label). */
const GROUP_SAME: Record<string, string> = {
  'lesbian, gay, bisexual and transgender and intersex persons (lgbti)':
    'lesbian, gay, bisexual, transgender and intersex persons (lgbti)',
};

export interface UhriTerm {
  code: string;
  label_en: string;
  aliases: string[];
  source: string;
  verified: boolean;
}

const SOURCE =
  'OHCHR Universal Human Rights Index: thematic lists of UPR recommendations (cycle 2 UPR20, cycle 3 UPR34), ' +
  'extracted by scripts/extract-uhri-terms.ts';

const clean = (s: string) =>
  s
    .replace(/&amp;/gi, '&')
    .replace(/\s*&\s*/g, ' & ')
    .replace(/\s+/g, ' ')
    .trim();
const stripCode = (s: string) => s.replace(/^[A-Z]\d{1,2}\s+/, '');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const slug = (s: string) =>
  normalizeTerm(s)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(.{1,60})-.*$/, (all, head: string) => (all.length > 60 ? head : all));

/** Builds terms: spellings → one term per concept, the label the newest spelling, the rest aliases. */
export function buildTerms(sp: ExtractedSpellings): { uhri_themes: UhriTerm[]; uhri_groups: UhriTerm[] } {
  interface Acc {
    code: string;
    spellings: string[];
  }
  const themes = new Map<string, Acc>(); // by code
  const themeByNorm = new Map<string, string>(); // normalized → code
  for (const t of sp.themes.filter((t) => t.code)) {
    const code = t.code!;
    const acc = themes.get(code) ?? { code, spellings: [] };
    acc.spellings.push(t.spelling);
    themes.set(code, acc);
    themeByNorm.set(normalizeTerm(t.spelling), code);
  }
  for (const t of sp.themes.filter((t) => !t.code)) {
    const n = normalizeTerm(t.spelling);
    const code = themeByNorm.get(n) ?? THEME_RENAMES[n] ?? slug(t.spelling);
    const acc = themes.get(code) ?? { code, spellings: [] };
    acc.spellings.push(t.spelling);
    themes.set(code, acc);
    themeByNorm.set(n, code);
  }
  const groups = new Map<string, Acc>(); // by normalized label
  for (const g of sp.groups) {
    const n = normalizeTerm(g);
    const key = GROUP_SAME[n] ?? n;
    const acc = groups.get(key) ?? { code: slug(key), spellings: [] };
    acc.spellings.push(g);
    groups.set(key, acc);
  }
  const toTerm = (acc: Acc, pickLabel: (spellings: string[]) => string): UhriTerm => {
    const label = pickLabel(acc.spellings);
    const seen = new Set([normalizeTerm(label)]);
    const aliases: string[] = [];
    for (const s of acc.spellings) {
      const a = clean(stripCode(s));
      const n = normalizeTerm(a);
      if (!seen.has(n)) {
        seen.add(n);
        aliases.push(a);
      }
    }
    return { code: acc.code, label_en: label, aliases, source: SOURCE, verified: true };
  };
  // Theme label: the newest (last seen, i.e. cycle-3) spelling.
  const uhri_themes = [...themes.values()].map((a) =>
    toTerm(a, (s) => capitalise(clean(stripCode(s[s.length - 1]!)))),
  );
  // Group label: a capitalised spelling if there is one, else the first, capitalised.
  const uhri_groups = [...groups.values()].map((a) =>
    toTerm(a, (s) => capitalise(clean(s.find((x) => /^[A-Z]/.test(x)) ?? s[0]!))),
  );
  for (const [name, list] of [
    ['theme', uhri_themes],
    ['group', uhri_groups],
  ] as const) {
    const codes = new Set<string>();
    const norms = new Map<string, string>();
    for (const t of list) {
      if (codes.has(t.code)) throw new Error(`duplicate ${name} code ${t.code}`);
      codes.add(t.code);
      for (const a of [t.label_en, ...t.aliases]) {
        const n = normalizeTerm(a);
        const other = norms.get(n);
        if (other && other !== t.code)
          throw new Error(`${name} spelling "${a}" is in ${other} and ${t.code}`);
        norms.set(n, t.code);
      }
    }
  }
  return { uhri_themes, uhri_groups };
}

const sortTerms = (list: UhriTerm[]) =>
  [...list].sort((a, b) => {
    const ca = /^[A-Z]\d/.test(a.code) ? 0 : 1;
    const cb = /^[A-Z]\d/.test(b.code) ? 0 : 1;
    return ca - cb || a.code.localeCompare(b.code, 'en', { numeric: true });
  });

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const dir = args.find((a) => !a.startsWith('--')) ?? defaultListsDir;
  const spellings = extractFromDir(dir);
  if (!write) {
    process.stdout.write(JSON.stringify(spellings, null, 2) + '\n');
  } else {
    const { uhri_themes, uhri_groups } = buildTerms(spellings);
    const file = path.resolve(here, '../src/reference/data/taxonomy.json');
    const tax = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    tax.uhri_themes = sortTerms(uhri_themes);
    tax.uhri_groups = uhri_groups;
    fs.writeFileSync(file, JSON.stringify(tax, null, 2) + '\n');
    process.stdout.write(`wrote ${uhri_themes.length} themes and ${uhri_groups.length} groups to ${file}\n`);
  }
}
