import { cleanBlocks, type Block } from './clean.ts';
import type { ParsedDocument, ParsedRecommendation, RecommendationPosition } from './types.ts';

/**
 * Dutch advisory reports and the cabinet's responses to them (kabinetsreacties): the
 * recommendations "Aanbeveling 1 – ...", "Aanbeveling 2: ..." or a numbered list introduced by
 * "... doet de volgende aanbevelingen:", each followed by the cabinet's appreciation. The position
 * is read only from explicit wording ("Het kabinet neemt deze aanbeveling over", "onderschrijft",
 * "deelt de analyse", "conform het advies" → agrees; "neemt de aanbeveling gedeeltelijk over" →
 * partly_agrees; "neemt niet over", "ziet geen aanleiding" → disagrees; "beraadt zich", "komt hierop
 * terug", "onderzoekt of" → pending, under consideration); an appreciation without such wording keeps
 * position null (and a warning), with the appreciation itself as positionExplanation.
 */

const MARKER =
  /^(?:[\u2022\u25aa\u00b7*\u2013-]\s*)?Aanbeveling\s+(\d{1,3})\b\s*[\u2013\u2014:.-]?\s*(.*)$/is;
const LIST_INTRO = /aanbeveling(?:en)?\b.*:\s*$|luidende:\s*$/is;
const LIST_ITEM = /^(\d{1,2})\.\s+(.*)$/s;
const SIGNATURE = /^(?:De |Het )?(?:Minister|Staatssecretaris|Minister-president)\b.*,|^Hoogachtend\b/;

const OBJECT =
  '(?:deze|de|die|dit|het|beide|alle)(?: \\S+){0,3}? (?:aanbeveling(?:en)?|advies|adviezen|voorstel(?:len)?)';
const VIEW = '(?:mening|analyse|opvatting|conclusie|conclusies|aanbeveling|standpunt|zienswijze|oordeel)';

/** Explicit wording per position, in the order in which they are tried within one sentence. */
const POSITIONS: [RecommendationPosition, RegExp][] = [
  [
    'disagrees',
    new RegExp(
      [
        `\\bneemt ${OBJECT}(?: [^.;,]{1,30}?)? niet over\\b`,
        '\\b(?:wordt|worden) niet overgenomen\\b',
        '\\bziet geen (?:aanleiding|reden|noodzaak)\\b',
        `\\bwijst ${OBJECT} af\\b`,
        '\\bgeen voorstander\\b',
        `\\bonderschrijft ${OBJECT}(?: van [^.;,]{1,30}?)? niet\\b`,
        `\\bdeelt (?:de|het|deze|die|dit) ${VIEW}(?: van [^.;,]{1,30}?)? niet\\b`,
      ].join('|'),
    ),
  ],
  [
    'partly_agrees',
    /\b(?:neemt|onderschrijft|deelt|volgt)\b[^.;]{0,60}?\b(?:gedeeltelijk|ten dele|deels|voor een deel)\b|\b(?:gedeeltelijk|ten dele|deels) (?:over(?:genomen)?|eens|onderschreven)\b/,
  ],
  [
    'pending',
    /\bberaadt zich\b|\bin (?:nadere )?overweging\b|\bnog geen (?:standpunt|besluit|oordeel)\b|\b(?:bezien|onderzoeken|onderzocht|nagaan|bestuderen|verkennen) of\b|\bkomt hier(?:op)?\b[^.;]{0,60}?\bterug\b|\bkomt\b[^.;]{0,60}?\bterug op\b/,
  ],
  [
    'agrees',
    new RegExp(
      [
        `\\bneemt ${OBJECT}(?: [^.;,]{1,30}?)? over\\b`,
        '\\b(?:wordt|worden) overgenomen\\b',
        '\\bonderschrijft\\b',
        `\\bdeelt (?:de|het|deze|die|dit) ${VIEW}\\b`,
        '\\bzal worden opgevolgd\\b',
        `\\bvolgt ${OBJECT}\\b`,
        '\\bomarmt\\b',
        '\\bis het (?:hier|daar)?mee eens\\b',
        '\\bconform (?:het|dit|de|deze) (?:aiv-)?(?:advies|aanbeveling)\\b|\\bconform het advies van\\b',
      ].join('|'),
    ),
  ],
];

/**
 * The cabinet's position from explicit wording only: the first sentence that states one decides
 * ("Het kabinet neemt deze aanbeveling over. Het zal bezien of ..." agrees); within a sentence a
 * refusal goes before a partial agreement, before "under consideration", before agreement.
 */
export function classifyAppreciation(text: string): RecommendationPosition | null {
  for (const sentence of text.toLowerCase().split(/(?<=[.!?;:])\s+/)) {
    for (const [position, re] of POSITIONS) if (re.test(sentence)) return position;
  }
  return null;
}

const isSectionHeading = (b: Block) =>
  b.text.length <= 60 &&
  !/[.:;,!?]$/.test(b.text) &&
  /^\p{Lu}/u.test(b.text) &&
  !MARKER.test(b.text) &&
  !LIST_ITEM.test(b.text);

export function parseAdvisory(text: string): ParsedDocument {
  const blocks = cleanBlocks(text);
  const warnings: string[] = [];

  // 1. Numbered lists introduced by "... de volgende aanbevelingen:".
  const listed = new Map<number, { text: string; line: number; heading: string }>();
  for (let i = 0; i < blocks.length; i++) {
    const intro = blocks[i]!;
    if (!LIST_INTRO.test(intro.text) || MARKER.test(intro.text)) continue;
    let expect = listed.size ? Math.max(...listed.keys()) + 1 : 1;
    for (let j = i + 1; j < blocks.length; j++) {
      const m = LIST_ITEM.exec(blocks[j]!.text);
      if (!m || Number(m[1]) !== expect) break;
      listed.set(expect, {
        text: m[2]!.trim(),
        line: blocks[j]!.line,
        heading: intro.text.replace(/[\s:]+$/, ''),
      });
      expect++;
      i = j;
    }
  }

  // 2. "Aanbeveling N" with the appreciation that follows it.
  const marked = new Map<number, { title: string; line: number; response: string[] }>();
  let open: { title: string; line: number; response: string[] } | null = null;
  for (const b of blocks) {
    const m = MARKER.exec(b.text);
    if (m) {
      const n = Number(m[1]);
      open = { title: m[2]!.trim(), line: b.line, response: [] };
      if (!marked.has(n)) marked.set(n, open);
      continue;
    }
    if (!open) continue;
    if (SIGNATURE.test(b.text) || isSectionHeading(b)) {
      open = null;
      continue;
    }
    open.response.push(b.text.replace(/^[\u2022\u25aa\u00b7o*\u2013-]\s+/, ''));
  }

  const numbers = [...new Set([...listed.keys(), ...marked.keys()])].sort((a, b) => a - b);
  const recs: ParsedRecommendation[] = [];
  for (const n of numbers) {
    const l = listed.get(n);
    const k = marked.get(n);
    const explanation = k?.response.join('\n\n').trim() ?? '';
    const position = explanation ? classifyAppreciation(explanation) : null;
    const rec: ParsedRecommendation = {
      paragraph: `Aanbeveling ${n}`,
      text: l?.text ?? k?.title ?? '',
      recommendingStates: [],
      position,
      followUp: false,
      sourceLine: l?.line ?? k?.line ?? 0,
    };
    const heading = l && k?.title ? k.title : l?.heading;
    if (heading) rec.heading = heading;
    if (explanation) rec.positionExplanation = explanation;
    if (!explanation) warnings.push(`Aanbeveling ${n}: no appreciation by the cabinet follows it.`);
    else if (!position)
      warnings.push(`Aanbeveling ${n}: the appreciation does not say explicitly whether the cabinet agrees.`);
    recs.push(rec);
  }
  if (!recs.length)
    warnings.push('No recommendations ("Aanbeveling 1", or a numbered list of aanbevelingen) found.');

  const doc: ParsedDocument = { kind: 'advisory', recommendations: recs, warnings };
  const first = blocks[0];
  if (first && first.text.length <= 150 && !/[.:;]$/.test(first.text)) {
    let title = first.text;
    const second = blocks[1];
    if (second && /\b(?:van|het|de|op|en|der|voor|aan)$/i.test(title) && second.text.length <= 100)
      title = `${title} ${second.text}`;
    doc.title = title;
  }
  const advice = adviceTitle(text);
  if (advice) doc.adviceTitle = advice;
  return doc;
}

/**
 * The name of the advice a cabinet response answers, as the response quotes it near its start:
 * "advies 122 van de Adviesraad Internationale Vraagstukken (AIV) … genaamd «Mensenrechten: Kernbelang
 * in een geopolitiek krachtenveld»" gives the text between the guillemets.
 */
function adviceTitle(text: string): string | undefined {
  const start = text
    .slice(0, 3000)
    .replace(/(\p{Ll})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ');
  const m = /\badvies\b[^«»]{0,300}«([^«»]{3,300})»/iu.exec(start);
  return m?.[1]?.trim();
}
