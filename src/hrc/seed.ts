/**
 * Seeds the Human Rights Council terms of the reference data (seed-data.ts) with the Dutch reference
 * data: a term is inserted when no term of its years exists, with its priorities; a term that exists
 * (seeded before, or recorded by hand) is left as it is, so a change or a removal is never undone.
 */
import type { Queryable } from '../core/db.ts';
import type { Change } from '../core/write.ts';
import { created, insertAbsent } from '../reference/insert.ts';
import { HRC_SOURCE, HRC_TERMS, type HrcTermSeed } from './seed-data.ts';
import type { PriorityRow, TermRow } from './rows.ts';

export async function seedHrc(
  tx: Queryable,
  terms: readonly HrcTermSeed[] = HRC_TERMS,
): Promise<{ terms: number; priorities: number; changes: Change[] }> {
  const inserted = await insertAbsent<TermRow>(
    tx,
    'hrc_terms',
    '(start_year, end_year)',
    terms.map((t) => ({
      start_year: t.startYear,
      end_year: t.endYear,
      status: t.status,
      election_date: t.electionDate,
      votes_received: t.votesReceived,
      notes: t.notes,
      source: HRC_SOURCE,
      unverified_fields: t.unverified,
    })),
  );
  const priorities = inserted.flatMap((row) => {
    const seed = terms.find((t) => t.startYear === row.start_year && t.endYear === row.end_year)!;
    return seed.priorities.map((p, i) => ({
      term_id: row.id,
      title: p.title,
      description: p.description,
      position: i + 1,
      source: HRC_SOURCE,
    }));
  });
  const priorityRows = await insertAbsent<PriorityRow>(tx, 'hrc_priorities', '(id)', priorities);
  return {
    terms: inserted.length,
    priorities: priorityRows.length,
    changes: [...created('hrc_term', inserted), ...created('hrc_priority', priorityRows)],
  };
}
