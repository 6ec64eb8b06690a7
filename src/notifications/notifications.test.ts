import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { createTempDatabase } from '../test/db.ts';
import { smtpMailer } from './mailer.ts';
import { runReminderScan, startReminderScheduler } from './service.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let t: TestApp;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
let ocw: Session; // lead of CEDAW
let jenv: Session; // lead of CAT
let bzk: Session;
let ocwContributor: Session;
let nearCycle: string;
let overdueCycle: string;

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

async function cycleWithDeadline(instrumentCode: string, due: string): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `insert into cycles (instrument_id, label, sequence)
     select id, 'Testronde ' || $2, 900 + (select count(*)::int from cycles) from instruments where code = $1
     returning id`,
    [instrumentCode, due],
  );
  const id = r.rows[0]!.id;
  await t.db.query(`insert into cycle_phases (cycle_id, kind, date) values ($1, 'report_due', $2)`, [
    id,
    due,
  ]);
  return id;
}

async function task(title: string, orgCode: string, due: string, status = 'open'): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `insert into tasks (title, owner_organisation_id, due_date, status)
     select $1, id, $3, $4 from organisations where code = $2 returning id`,
    [title, orgCode, due, status],
  );
  return r.rows[0]!.id;
}

const userId = async (s: Session) => s.userId;
const notificationsOf = async (s: Session, subjectKeyPrefix: string) =>
  (
    await t.db.query<{ kind: string; subject_key: string }>(
      'select kind, subject_key from notifications where user_id = $1 and subject_key like $2 order by kind',
      [await userId(s), `${subjectKeyPrefix}%`],
    )
  ).rows;

beforeAll(async () => {
  t = await testApp();
  ocw = await t.as('coordinator', 'OCW');
  jenv = await t.as('coordinator', 'JenV');
  bzk = await t.as('coordinator', 'BZK');
  ocwContributor = await t.as('contributor', 'OCW');
  await t.as('observer');
  nearCycle = await cycleWithDeadline('CEDAW', day(7));
  overdueCycle = await cycleWithDeadline('CAT', day(-10));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await t?.close();
});

/** The Subject header, with RFC 2047 encoded words (as nodemailer writes non-ASCII) decoded. */
function subjectOf(m: Received): string {
  const raw = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(m.data)?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '';
  return raw
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => `%${h}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
    });
}
const mailsTo = (email: string) => received.filter((m) => m.to.includes(email));

describe('the reminder scan', () => {
  it('delivers e-mail through a real SMTP server, once per deadline, task, kind and person', async () => {
    const nearTask = await task('Concepttekst rapportage aanleveren', 'OCW', day(3));
    const lateTask = await task('Consultatie voorbereiden', 'OCW', day(-1));
    await task('Afgeronde taak', 'OCW', day(-1), 'done');
    await task('Taak voor later', 'OCW', day(40));
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtpPort}`, 'Rightsdesk <noreply@example.org>');
    try {
      const first = await runReminderScan(t.db, { mailer });
      expect(first.emailsFailed).toBe(0);
      expect(first.emailsSent).toBe(first.notifications);
      expect(received).toHaveLength(first.emailsSent);

      // The lead organisation's coordinator hears of the near deadline; BZK does not (not overdue).
      expect(await notificationsOf(ocw, nearCycle)).toEqual([
        { kind: 'near', subject_key: `${nearCycle}:report_due:${day(7)}` },
      ]);
      expect(await notificationsOf(bzk, nearCycle)).toEqual([]);
      // Overdue: the lead (JenV) and the coordinating ministry (BZK).
      expect(await notificationsOf(jenv, overdueCycle)).toEqual([
        { kind: 'overdue', subject_key: `${overdueCycle}:report_due:${day(-10)}` },
      ]);
      expect(await notificationsOf(bzk, overdueCycle)).toHaveLength(1);
      expect(await notificationsOf(ocw, overdueCycle)).toEqual([]);
      // Tasks: coordinators and contributors of the owner organisation; done and far tasks not.
      for (const s of [ocw, ocwContributor]) {
        expect(await notificationsOf(s, nearTask)).toEqual([
          { kind: 'near', subject_key: `${nearTask}:${day(3)}` },
        ]);
        expect(await notificationsOf(s, lateTask)).toEqual([
          { kind: 'overdue', subject_key: `${lateTask}:${day(-1)}` },
        ]);
      }
      expect(await notificationsOf(jenv, nearTask)).toEqual([]);
      const other = await t.db.query<{ n: number }>(
        `select count(*)::int as n from notifications n join tasks t on n.subject_key like t.id || ':%'
          where t.title in ('Afgeronde taak', 'Taak voor later')`,
      );
      expect(other.rows[0]!.n).toBe(0);

      // The e-mail itself: recipient, sender and subject.
      const toJenv = mailsTo('coordinator.jenv@example.org');
      expect(toJenv.map(subjectOf)).toContainEqual(
        expect.stringMatching(/^\[Rightsdesk\] Verlopen: CAT – Testronde/),
      );
      expect(toJenv[0]!.from).toBe('noreply@example.org');
      const toOcw = mailsTo('coordinator.ocw@example.org').map(subjectOf);
      expect(toOcw).toContainEqual(expect.stringMatching(/Herinnering: CEDAW – Testronde/));
      // The subject names the step in Dutch, never the phase code ("report due").
      expect(toOcw.find((x) => x.includes('CEDAW'))).toMatch(/\((rapportage|[a-z-]+ )verwacht\)$/);
      expect(toOcw.join(' ')).not.toMatch(/\bdue\b|Reminder|Overdue/);
      expect(toOcw).toContainEqual('[Rightsdesk] Herinnering: Concepttekst rapportage aanleveren');
      expect(mailsTo('contributor.ocw@example.org').map(subjectOf)).toContainEqual(
        '[Rightsdesk] Verlopen: Consultatie voorbereiden',
      );
      expect(mailsTo('observer.bzk@example.org')).toEqual([]);
      const sent = await t.db.query<{ n: number }>(
        "select count(*)::int as n from mail_outbox where status = 'sent'",
      );
      expect(sent.rows[0]!.n).toBe(received.length);

      // Again: nothing new.
      const before = received.length;
      const second = await runReminderScan(t.db, { mailer });
      expect(second).toMatchObject({ notifications: 0, emailsSent: 0, emailsToOutbox: 0 });
      expect(received).toHaveLength(before);
    } finally {
      mailer.close();
    }
  });

  it('without SMTP puts the messages in the outbox; the admin reads them; a second scan adds nothing', async () => {
    const soon = await task('Verslag netwerkoverleg rondsturen', 'JenV', day(10));
    const before = received.length;
    const admin = await t.as('admin');
    const scan = await t.call(admin, 'POST', '/api/notifications/scan', {});
    expect(scan.statusCode, scan.body).toBe(200);
    expect(scan.json()).toMatchObject({ notifications: 1, emailsToOutbox: 1, emailsSent: 0 });
    expect(received).toHaveLength(before);
    const outbox = await t.call(admin, 'GET', '/api/outbox?status=outbox');
    const items = (outbox.json() as { items: { toAddress: string; subject: string; status: string }[] })
      .items;
    expect(items).toEqual([
      expect.objectContaining({
        toAddress: 'coordinator.jenv@example.org',
        subject: '[Rightsdesk] Herinnering: Verslag netwerkoverleg rondsturen',
        status: 'outbox',
      }),
    ]);
    expect(await notificationsOf(jenv, soon)).toHaveLength(1);
    // Each notification and e-mail is on record, with the scan itself, under the admin's name.
    const audit = await t.db.query<{ action: string; entity_type: string; entity_id: string | null }>(
      `select a.action, a.entity_type, a.entity_id from audit_events a
        where a.actor_id = $1 and a.entity_type in ('notification', 'outbox_message') order by a.id`,
      [admin.userId],
    );
    const notification = await t.db.query<{ id: string }>(
      'select id from notifications where subject_key like $1',
      [`${soon}%`],
    );
    const mail = await t.db.query<{ id: string }>("select id from mail_outbox where status = 'outbox'");
    expect(audit.rows).toEqual([
      { action: 'create', entity_type: 'notification', entity_id: notification.rows[0]!.id },
      { action: 'create', entity_type: 'outbox_message', entity_id: mail.rows[0]!.id },
      { action: 'reminder_scan', entity_type: 'notification', entity_id: null },
    ]);
    const again = await t.call(admin, 'POST', '/api/notifications/scan', {});
    expect(again.json()).toMatchObject({ notifications: 0, emailsToOutbox: 0 });
    expect((await t.call(admin, 'GET', '/api/outbox?status=outbox')).json().total).toBe(1);
    expect((await t.call(jenv, 'GET', '/api/outbox')).statusCode).toBe(403);
  });

  it('runs on an interval inside the server and stops cleanly', async () => {
    const id = await task('Planning bijwerken', 'BZK', day(1));
    const stop = startReminderScheduler(t.db, { minutes: 60, mailer: null, firstDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 50));
    await stop();
    expect(await notificationsOf(bzk, id)).toHaveLength(1);
  });
});

describe('my notifications', () => {
  it('lists, counts and marks read only my own notifications', async () => {
    const count = async () => (await t.call(ocw, 'GET', '/api/notifications/count')).json().unread as number;
    const unread = await count();
    expect(unread).toBeGreaterThanOrEqual(3);
    const list = await t.call(ocw, 'GET', '/api/notifications?unread=true');
    const items = (list.json() as { items: { id: string; kind: string; title: string; readAt: null }[] })
      .items;
    expect(items).toHaveLength(unread);
    expect(items.map((i) => i.title)).toContain('Concepttekst rapportage aanleveren');
    // Someone else's notification cannot be marked.
    expect((await t.call(jenv, 'POST', `/api/notifications/${items[0]!.id}/read`, {})).statusCode).toBe(404);
    const read = await t.call(ocw, 'POST', `/api/notifications/${items[0]!.id}/read`, {});
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await count()).toBe(unread - 1);
    // Marking it again changes nothing.
    const again = await t.call(ocw, 'POST', `/api/notifications/${items[0]!.id}/read`, {});
    expect(again.json().readAt).toBe(read.json().readAt);
    const all = await t.call(ocw, 'POST', '/api/notifications/read-all', {});
    expect(all.json()).toEqual({ marked: unread - 1 });
    expect(await count()).toBe(0);
    // One audit row per notification marked read, naming it, under the user's name.
    const audit = await t.db.query<{ entity_id: string; before: unknown; after: { readAt: string } }>(
      `select entity_id, before, after from audit_events
        where actor_id = $1 and entity_type = 'notification' and action = 'update' order by id`,
      [ocw.userId],
    );
    expect(audit.rows.map((a) => a.entity_id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(audit.rows[0]).toMatchObject({ entity_id: items[0]!.id, before: { readAt: null } });
    expect(audit.rows[0]!.after.readAt).toBe(read.json().readAt);
    expect((await t.call(null, 'GET', '/api/notifications')).statusCode).toBe(401);
  });
});

describe('the SMTP settings', () => {
  it('refuses an SMTP_URL that is not an smtp:// or smtps:// URL, with a coded error', () => {
    expect(() => smtpMailer('not a url', 'x@example.org')).toThrow(
      expect.objectContaining({ code: 'notification.smtp_url_invalid' }),
    );
    expect(() => smtpMailer('http://mail.example.org', 'x@example.org')).toThrow(
      /SMTP_URL must start with smtp:\/\/ or smtps:\/\/, got "http:"/,
    );
  });
});

describe('rightsdesk reminders', () => {
  it('runs the scan from the command line', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-reminders-'));
    const env: NodeJS.ProcessEnv = { ...process.env, RIGHTSDESK_DATA_DIR: dir };
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    let drop: (() => Promise<void>) | undefined;
    if (process.env.TEST_DATABASE_URL) {
      const tmp = await createTempDatabase(process.env.TEST_DATABASE_URL, 'rd_cli');
      env.DATABASE_URL = tmp.url;
      drop = tmp.drop;
    }
    try {
      const r = spawnSync(process.execPath, [path.join(root, 'src/cli/main.ts'), 'reminders'], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /Reminders for \d{4}-\d{2}-\d{2}: 0 new notification\(s\); e-mails sent 0, in the outbox 0/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await drop?.();
    }
  }, 130_000);
});
