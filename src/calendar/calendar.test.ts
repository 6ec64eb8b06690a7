import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import type { OverviewRow } from '../instruments/schema.ts';
import type { Deadline, Timeline } from './schema.ts';
import { buildCalendar, escapeText, foldLine } from './ics.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const overview = async () => (await t.call(null, 'GET', '/api/overview')).json().items as OverviewRow[];

describe('on a fresh start the Netherlands’ cycles carry derived deadlines', () => {
  it('the overview shows the derived next due date per treaty', async () => {
    const rows = await overview();
    const cedaw = rows.find((r) => r.code === 'CEDAW')!;
    expect(cedaw.nextDue).toMatchObject({ kind: 'follow_up_due', date: '2028-02-01', derived: true });
    const crc = rows.find((r) => r.code === 'CRC')!;
    expect(crc.nextDue).toMatchObject({ kind: 'next_report_due', date: '2030-03-01', derived: true });
  });

  it('the deadline list: overdue first, then by date; filtered by organisation and period', async () => {
    const all = (await t.call(null, 'GET', '/api/deadlines?within=3650&pageSize=500')).json();
    const items = all.items as Deadline[];
    expect(items.length).toBe(all.total);
    expect(items.some((d) => d.instrumentCode === 'CEDAW' && d.kind === 'next_report_due')).toBe(true);
    const firstNotOverdue = items.findIndex((d) => !d.overdue);
    expect(items.slice(firstNotOverdue).every((d) => !d.overdue)).toBe(true);
    const upcoming = items.slice(firstNotOverdue).map((d) => d.date);
    expect(upcoming).toEqual([...upcoming].sort());

    const soon = (await t.call(null, 'GET', '/api/deadlines?within=30&overdue=exclude')).json()
      .items as Deadline[];
    const limit = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
    expect(soon.every((d) => !d.overdue && d.date <= limit)).toBe(true);

    const szw = (await t.db.query<{ id: string }>("select id from organisations where code = 'SZW'"))
      .rows[0]!;
    const forSzw = (await t.call(null, 'GET', `/api/deadlines?within=3650&organisationId=${szw.id}`)).json()
      .items as Deadline[];
    // SZW leads ICESCR (reference data); BZK coordinates everything and so sees more.
    expect(forSzw.length).toBeGreaterThan(0);
    expect(forSzw.every((d) => d.lead?.code === 'SZW')).toBe(true);
    expect(forSzw.length).toBeLessThan(items.length);
  });

  it('the timeline: per instrument its phases and derived deadlines within the years asked', async () => {
    const r = await t.call(null, 'GET', '/api/timeline?from=2020&to=2035');
    expect(r.statusCode).toBe(200);
    const tl = r.json() as Timeline;
    const cedaw = tl.items.find((i) => i.code === 'CEDAW')!;
    const phases = cedaw.cycles.flatMap((c) => c.phases);
    expect(phases).toContainEqual(
      expect.objectContaining({ kind: 'concluding_observations', date: '2026-02-01', derived: false }),
    );
    expect(phases).toContainEqual(
      expect.objectContaining({ kind: 'next_report_due', date: '2034-02-01', derived: true, deadline: true }),
    );
    const all = tl.items.flatMap((i) => i.cycles.flatMap((c) => c.phases));
    expect(all.every((p) => p.date >= '2020' && p.date < '2036')).toBe(true);
    expect(tl.items.map((i) => i.code)).toEqual(expect.arrayContaining(['UPR', 'ICESCR', 'CRPD']));
    const bad = await t.call(null, 'GET', '/api/timeline?from=2030&to=2020');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'calendar.years_reversed', params: { from: 2030, to: 2020 } });
  });
});

describe('overview exports', () => {
  it('.xlsx opens with exceljs: bold header, widths, real dates, one row per treaty', async () => {
    const rows = await overview();
    for (const lang of ['nl', 'en'] as const) {
      const r = await t.call(null, 'GET', `/api/overview.xlsx?lang=${lang}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      expect(r.headers['content-disposition']).toMatch(
        lang === 'nl'
          ? /attachment; filename="verdragsoverzicht-.*\.xlsx"/
          : /attachment; filename="treaty-overview-.*\.xlsx"/,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.rowCount).toBe(rows.length + 1);
      const header = ws.getRow(1);
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(header.getCell(4).value).toBe(lang === 'nl' ? 'Verantwoordelijk ministerie' : 'Lead ministry');
      expect(header.getCell(10).value).toBe(lang === 'nl' ? 'Volgende termijn' : 'Next due date');
      expect(ws.getColumn(2).width).toBeGreaterThan(30);
      const cedawRow = rows.findIndex((x) => x.code === 'CEDAW') + 2;
      const row = ws.getRow(cedawRow);
      expect(row.getCell(1).value).toBe('CEDAW');
      const due = row.getCell(10).value;
      expect(due).toBeInstanceOf(Date);
      expect((due as Date).toISOString().slice(0, 10)).toBe('2028-02-01');
      expect(row.getCell(10).numFmt).toBe(lang === 'nl' ? 'mm-yyyy' : 'yyyy-mm');
      expect(row.getCell(9).value).toBe(
        lang === 'nl' ? 'Follow-uprapportage verwacht' : 'Follow-up report due',
      );
      expect(row.getCell(4).value).toBe(rows.find((x) => x.code === 'CEDAW')!.lead?.code ?? null);
    }
  });

  it('.csv: UTF-8 with BOM, ";"-separated, one line per treaty', async () => {
    const rows = await overview();
    const r = await t.call(null, 'GET', '/api/overview.csv?lang=nl');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect([...r.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines.length).toBe(rows.length + 1);
    expect(lines[0]!.split(';')[0]).toBe('Code');
    expect(lines[0]).toContain('Verantwoordelijk ministerie');
    const cedaw = lines.find((l) => l.startsWith('CEDAW;'))!.split(';');
    expect(cedaw[9]).toBe('2028-02');
    expect(cedaw[10]).toBe('nee');
    const en = await t.call(null, 'GET', '/api/overview.csv?lang=en');
    expect(en.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Lead ministry');
  });
});

describe('iCalendar', () => {
  it('writes folded, escaped lines of at most 75 octets', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(long).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
    const ics = buildCalendar({ name: 'x', events: [{ uid: 'u', date: '2026-12-31', summary: 's' }] });
    expect(ics).toContain('DTEND;VALUE=DATE:20270101');
  });

  it('a user’s feed: valid RFC 5545 with the deadlines; rotating and revoking invalidate the link', async () => {
    const coord = await t.as('coordinator', 'BZK');
    const created = await t.call(coord, 'POST', '/api/calendar-feeds/me');
    expect(created.statusCode, created.body).toBe(201);
    const { url, path } = created.json() as { url: string; path: string };
    expect(url.endsWith(path)).toBe(true);
    const token = path.match(/\/api\/calendar\/(.+)\.ics$/)![1]!;
    // Only the sha256 of the token is stored.
    const stored = await t.db.query<{ token_hash: string }>('select token_hash from calendar_feeds');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(token);
    expect(stored.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const r = await t.call(null, 'GET', `${path}?lang=en`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/calendar');
    const text = r.body;
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('X-WR-CALNAME:');

    const comp = new ICAL.Component(ICAL.parse(text));
    const events = comp.getAllSubcomponents('vevent');
    const deadlines = (await t.call(null, 'GET', '/api/deadlines?within=3650&pageSize=500')).json()
      .items as Deadline[];
    // BZK coordinates every instrument: its feed holds every open deadline, ten years ahead or more.
    expect(events.length).toBeGreaterThanOrEqual(deadlines.length);
    const cedaw = deadlines.find((d) => d.instrumentCode === 'CEDAW' && d.kind === 'next_report_due')!;
    const ev = events.find(
      (e) => e.getFirstPropertyValue('uid') === `${cedaw.cycleId}.next_report_due@rightsdesk`,
    )!;
    expect(ev).toBeDefined();
    const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2034-02-01');
    expect(String(ev.getFirstPropertyValue('summary'))).toContain('CEDAW: Next report due');
    expect(ev.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(ev.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
    // UIDs are stable across requests.
    const again = new ICAL.Component(ICAL.parse((await t.call(null, 'GET', path)).body));
    expect(again.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(
      events.map((e) => e.getFirstPropertyValue('uid')),
    );

    const audit = (await t.call(await t.as('admin'), 'GET', '/api/audit?entityType=calendar_feed')).json();
    expect(audit.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.items)).not.toContain(token);

    const rotated = await t.call(coord, 'POST', '/api/calendar-feeds/me');
    expect(rotated.statusCode).toBe(201);
    expect((await t.call(null, 'GET', path)).statusCode).toBe(404);
    const newPath = rotated.json().path as string;
    expect((await t.call(null, 'GET', newPath)).statusCode).toBe(200);
    const status = (await t.call(coord, 'GET', '/api/calendar-feeds')).json();
    expect(status.user.exists).toBe(true);
    // A coordinator manages the feed of their own organisation.
    expect(status.organisation).toMatchObject({ code: 'BZK', abilities: { manage: true } });
    const contributor = (await t.call(await t.as('contributor'), 'GET', '/api/calendar-feeds')).json();
    expect(contributor.organisation).toMatchObject({ code: 'BZK', abilities: { manage: false } });

    expect((await t.call(coord, 'DELETE', '/api/calendar-feeds/me')).statusCode).toBe(204);
    const revoked = await t.call(null, 'GET', newPath);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.headers['content-type']).toContain('application/problem+json');
    expect(revoked.json().code).toBe('calendar.feed_link_unknown');
  });

  it('an organisation feed: its coordinator or an admin; it holds only that organisation’s deadlines', async () => {
    const szw = (await t.db.query<{ id: string }>("select id from organisations where code = 'SZW'"))
      .rows[0]!;
    const bzk = await t.as('coordinator', 'BZK');
    const refused = await t.call(bzk, 'POST', `/api/calendar-feeds/organisations/${szw.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('calendar.organisation_feed_forbidden');
    const szwCoord = await t.as('coordinator', 'SZW');
    const created = await t.call(szwCoord, 'POST', `/api/calendar-feeds/organisations/${szw.id}`);
    expect(created.statusCode).toBe(201);
    const feed = await t.call(null, 'GET', created.json().path);
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    expect(String(comp.getFirstPropertyValue('x-wr-calname'))).toContain('SZW');
    const summaries = comp
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.every((s) => /ICESCR|ESC/.test(s))).toBe(true);
    const admin = await t.as('admin');
    expect((await t.call(admin, 'DELETE', `/api/calendar-feeds/organisations/${szw.id}`)).statusCode).toBe(
      204,
    );
    expect((await t.call(null, 'GET', created.json().path)).statusCode).toBe(404);
  });

  it('a malformed or unknown token gives 400 or 404', async () => {
    expect((await t.call(null, 'GET', '/api/calendar/short.ics')).statusCode).toBe(400);
    expect((await t.call(null, 'GET', `/api/calendar/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
  });
});
