/**
 * The state's addendum to the report of the UPR Working Group ("A/HRC/52/15/Add.1"), in English as
 * the UN publishes it: an introduction, then the recommendations the Netherlands supports,
 * supports in part and notes (from the recorded positions), each with its paragraph number in the
 * Working Group's report and the explanation; those without a recorded position are listed as
 * still under consideration, with a warning that the addendum is not complete.
 */
import type { Queryable } from '../../core/db.ts';
import { notFound } from '../../core/errors.ts';
import { cycleLabelIn } from '../../cycles/labels.ts';
import type { UprAddendumParams } from '../kinds.ts';
import type { z } from 'zod';
import { recommendationsOfCycle, section, type RespondedRow } from './common.ts';
import { letterErrors } from './errors.ts';
import type { Generated, GeneratedSection } from './types.ts';

const UNITS = 'first second third fourth fifth sixth seventh eighth ninth'.split(' ');
const TEENS =
  'tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const TENTHS = 'twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth'.split(' ');

/** 52 → "Fifty-second", as the UN names the sessions of the Human Rights Council (1 to 99). */
export function ordinalWords(n: number): string {
  const word =
    n < 10
      ? UNITS[n - 1]!
      : n < 20
        ? TEENS[n - 10]!
        : n % 10 === 0
          ? TENTHS[n / 10 - 2]!
          : `${TENS[Math.floor(n / 10) - 2]}-${UNITS[(n % 10) - 1]}`;
  return word[0]!.toUpperCase() + word.slice(1);
}

/** The groups of the addendum, in its order, with the position that puts a recommendation in each. */
const GROUPS = [
  { key: 'supported', heading: 'Recommendations supported', verb: 'supports' },
  { key: 'supported_in_part', heading: 'Recommendations supported in part', verb: 'supports in part' },
  { key: 'noted', heading: 'Recommendations noted', verb: 'notes' },
] as const;

/** The recommendation as the report words it, with its recommending states when the text does not name them. */
function recommendationText(r: RespondedRow): string {
  const text = r.text.replace(/\s+/g, ' ').trim().replace(/[;,]$/, '');
  const states = r.recommending_states;
  if (states.length === 0 || text.includes(`(${states[0]}`)) return text;
  return `${text.replace(/\.$/, '')} (${states.join(', ')})`;
}

/** One numbered paragraph: the reference, the recommendation, and under it the explanation. */
const item = (r: RespondedRow, fallback: string) => {
  const ref = r.paragraph ? `${r.paragraph} ` : '';
  const explanation = [r.appreciation, r.explanation].filter(Boolean).join(' ') || fallback;
  return `${ref}${recommendationText(r)}\n${explanation}`;
};

export async function generateUprAddendum(
  q: Queryable,
  params: z.infer<typeof UprAddendumParams>,
): Promise<Generated> {
  const cycle = (
    await q.query<{ id: string; label: string; code: string; state: string | null }>(
      `select c.id, c.label, i.code from cycles c join instruments i on i.id = c.instrument_id where c.id = $1`,
      [params.cycle],
    )
  ).rows[0];
  if (!cycle) throw notFound('cycle', params.cycle);
  if (cycle.code !== 'UPR') throw letterErrors.not_a_upr_cycle({ cycle: cycle.label });
  const phases = (
    await q.query<{ kind: string; date: string | null; symbol: string | null; session: string | null }>(
      `select kind, date, symbol, session from cycle_phases where cycle_id = $1`,
      [cycle.id],
    )
  ).rows;
  const report = phases.find((p) => p.kind === 'upr_wg_report')?.symbol ?? null;
  const recs = await recommendationsOfCycle(q, cycle.id);
  if (recs.length === 0) throw letterErrors.no_recommendations({ title: cycleLabelIn('en', cycle.label) });

  // The Council's session that adopts the outcome: the report's symbol names it ("A/HRC/52/15").
  const sessionNo = Number(/^A\/HRC\/(\d+)\//.exec(report ?? '')?.[1] ?? NaN);
  const sessionLines = [
    'Human Rights Council',
    ...(sessionNo >= 1 && sessionNo < 100 ? [`${ordinalWords(sessionNo)} session`] : []),
    'Agenda item 6',
    'Universal periodic review',
  ];
  const grouped = GROUPS.map((g) => ({ ...g, recs: recs.filter((r) => r.position === g.key) }));
  const pending = recs.filter((r) => !r.position || !GROUPS.some((g) => g.key === r.position));
  const counts = grouped.filter((g) => g.recs.length > 0).map((g) => `${g.verb} ${g.recs.length}`);
  const reportRef = report ? ` (${report})` : '';

  const intro = section('introduction', 'Introduction', [
    {
      type: 'numbered',
      items: [
        `The Kingdom of the Netherlands welcomes the recommendations it received in its ${cycleLabelIn('en', cycle.label).replace(/^UPR /, '')} of the universal periodic review, and presents its views on them in this addendum to the report of the Working Group${reportRef}.`,
        `The Working Group's report contains ${recs.length} recommendations to the Netherlands. ` +
          (counts.length > 0
            ? `Of these, the Netherlands ${counts.join(', ')}.`
            : 'The Netherlands has not yet taken a position on them.') +
          (pending.length > 0
            ? ` ${pending.length} ${pending.length === 1 ? 'recommendation is' : 'recommendations are'} still under consideration.`
            : ''),
        'The recommendations are referred to by their paragraph numbers in the report of the Working Group.',
      ],
    },
  ]);
  const groups: GeneratedSection[] = grouped
    .filter((g) => g.recs.length > 0)
    .map((g) =>
      section(g.key, g.heading, [
        {
          type: 'numbered',
          items: g.recs.map((r) => item(r, `The Netherlands ${g.verb} this recommendation.`)),
        },
      ]),
    );
  const pendingSection = pending.length
    ? [
        section('pending', 'Recommendations still under consideration', [
          {
            type: 'paragraph',
            text: `[Warning: no position has been recorded for ${pending.length} ${pending.length === 1 ? 'recommendation' : 'recommendations'}. Record the positions before the addendum is submitted.]`,
          },
          { type: 'numbered', items: pending.map((r) => item(r, 'Position pending.')) },
        ]),
      ]
    : [];
  const symbol = report ? `${report}/Add.1` : 'A/HRC/…/Add.1';
  return {
    title: `UPR addendum ${symbol}`,
    frame: {
      kind: 'letter',
      // A UN document has no addressee: these are the body and session its heading names.
      addressee: sessionLines,
      subject: [
        'Report of the Working Group on the Universal Periodic Review',
        'Netherlands (Kingdom of the)',
        'Addendum',
        'Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review',
      ].join(' — '),
      reference: symbol,
      signature: [],
      language: 'en',
    },
    sections: [intro, ...groups, ...pendingSection],
  };
}
