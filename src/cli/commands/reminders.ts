import { mailerFromEnv } from '../../notifications/mailer.ts';
import { runReminderScan } from '../../notifications/service.ts';
import { cliActor, withDb } from '../context.ts';

/** `rightsdesk reminders`: the reminders of near and overdue deadlines and tasks, each only once. */
export const reminders = () =>
  withDb(async (db) => {
    const mailer = mailerFromEnv();
    try {
      const r = await runReminderScan(db, { mailer, actor: cliActor() });
      console.log(
        `Reminders for ${r.today}: ${r.notifications} new notification(s); e-mails sent ${r.emailsSent}, ` +
          `in the outbox ${r.emailsToOutbox}, failed ${r.emailsFailed}.`,
      );
    } finally {
      mailer?.close();
    }
  });
