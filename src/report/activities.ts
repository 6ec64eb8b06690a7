/**
 * The IATI activities of the financial annex as a coordinator curates them: each activity with
 * payments from an IATI import, or with a priority set, with the priority it counts for, the version
 * of that setting (for the next change) and what it paid in total.
 */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { errors } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { reportAbilities, reportPolicy } from './policy.ts';
import type { PriorityCode } from './priorities.ts';
import type { AnnexActivities } from './schema.ts';

interface ActivityRow {
  activity_identifier: string;
  description: string | null;
  priority: PriorityCode;
  version: number | null;
  payments: number;
  amount_eur: number | string;
  first_paid_on: string | null;
  last_paid_on: string | null;
}

/** Every activity of the annex, by identifier; one set for a priority but not (yet) imported too. */
export async function listActivities(db: Db, actor: Actor): Promise<AnnexActivities> {
  authorize(reportPolicy.read(actor), () => errors.role_forbidden({ role: actor.role }));
  const r = await db.query<ActivityRow>(
    `select coalesce(e.activity_identifier, m.activity_identifier) as activity_identifier,
            e.description, coalesce(m.priority, e.priority, 'other') as priority, m.version,
            coalesce(e.payments, 0) as payments, coalesce(e.amount, 0) as amount_eur,
            e.first_paid_on::text as first_paid_on, e.last_paid_on::text as last_paid_on
       from (select activity_identifier, count(*)::int as payments, coalesce(sum(amount_eur), 0) as amount,
                    min(paid_on) as first_paid_on, max(paid_on) as last_paid_on,
                    min(priority) as priority, min(description) as description
               from expenditures
              where source = 'iati' and activity_identifier is not null
              group by activity_identifier) e
       full join report_activity_priorities m on m.activity_identifier = e.activity_identifier
      order by 1`,
  );
  return {
    items: r.rows.map((a) => ({
      activityIdentifier: a.activity_identifier,
      description: a.description,
      priority: a.priority,
      version: a.version,
      payments: a.payments,
      amountEur: Number(a.amount_eur),
      firstPaidOn: a.first_paid_on,
      lastPaidOn: a.last_paid_on,
    })),
    abilities: reportAbilities(actor),
  };
}
