import fs from 'node:fs';
import path from 'node:path';
import { ctx, idOf, mem, remember, sessions, state, type Performed, type Recipe } from './context.ts';

/**
 * The recipes of the state report (src/state-report/): a report made for a new ICCPR cycle under the
 * simplified procedure, its list of issues imported (the parser's fixture), a section written, and the
 * submission recorded on a report of its own (so that the report made first stays open for the
 * contributions' recipes: ctx.stateReport, ctx.stateReportSection).
 */
const LOI = path.join(
  import.meta.dirname,
  '..',
  '..',
  'state-report',
  'parse',
  'fixtures',
  'loipr-ccpr-c-nld-qpr-6.txt',
);

interface Report {
  id: string;
  version: number;
  sections: { id: string; key: string; version: number }[];
}

/** A new ICCPR cycle (made directly, not one of the recipes). */
async function newCycle(sequence: number): Promise<string> {
  const i = await state.t.db.query<{ id: string }>("select id from instruments where code = 'ICCPR'");
  const res = await state.t.call(sessions.coordinator!, 'POST', '/api/cycles', {
    instrumentId: i.rows[0]!.id,
    label: `Audit matrix report ${sequence}`,
    sequence,
    procedure: 'simplified',
  });
  return (res.json() as { id: string }).id;
}

export const stateReportRecipes: Record<string, Recipe> = {
  'POST /api/state-reports': {
    as: 'coordinator',
    run: async (call) => {
      const res = await call('POST', '/api/state-reports', {
        cycleId: await newCycle(60),
        kind: 'simplified',
      });
      ctx.stateReport = idOf(res);
      return remember('stateReport')(res);
    },
    entity: (res) => ({ type: 'state_report', id: idOf(res) }),
  },
  'POST /api/state-reports/:id/list-of-issues': {
    as: 'coordinator',
    run: async (): Promise<Performed> => {
      const s = sessions.coordinator!;
      const res = await state.t.app.inject({
        method: 'POST',
        url: `/api/state-reports/${ctx.stateReport}/list-of-issues?fileName=CCPR_C_NLD_QPR_6.txt`,
        headers: { 'content-type': 'text/plain', cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: fs.readFileSync(LOI),
      });
      const body = res.json() as { report: Report };
      ctx.stateReportSection = body.report?.sections.find((x) => x.key === 'question-1')?.id ?? '';
      mem.stateReport = { status: res.statusCode, body: body.report };
      return { status: res.statusCode, body };
    },
    entity: () => ({ type: 'state_report_section', id: ctx.stateReportSection! }),
  },
  'PATCH /api/state-reports/:id/sections/:sectionId': {
    as: 'coordinator',
    run: (call) => {
      const section = (mem.stateReport!.body as Report).sections.find(
        (x) => x.id === ctx.stateReportSection,
      )!;
      return call('PATCH', `/api/state-reports/${ctx.stateReport}/sections/${section.id}`, {
        text: 'The Kingdom reports on developments since the previous concluding observations.',
        version: section.version,
      });
    },
    entity: (res) => ({ type: 'state_report_section', id: idOf(res) }),
  },
  'POST /api/state-reports/:id/submission': {
    as: 'coordinator',
    run: async (call) => {
      const made = await state.t.call(sessions.coordinator!, 'POST', '/api/state-reports', {
        cycleId: await newCycle(61),
        kind: 'simplified',
      });
      ctx.submittedStateReport = (made.json() as { id: string }).id;
      return call('POST', `/api/state-reports/${ctx.submittedStateReport}/submission`, {
        submittedOn: '2026-01-15',
        symbol: 'CCPR/C/NLD/61',
      });
    },
    entity: (res) => ({ type: 'state_report', id: idOf(res) }),
  },
};
