import { Document, Packer, Paragraph } from 'docx';
import { addDays, today } from '../../core/dates.ts';
import { ctx, idOf, sessions, state, type Performed, type Recipe } from './context.ts';

/**
 * The recipes of the contributions to a state report and of its export (src/state-report/): BZK is
 * asked for the first question of the report the state report's recipes made (ctx.stateReport,
 * ctx.stateReportSection); BZK's contributor writes, uploads a .docx and submits; the coordinator
 * accepts, merges and exports.
 */

/** A request as the contributor sends it (PUT and raw bodies are not what the shared caller sends). */
async function inject(method: 'PUT' | 'POST', url: string, payload: object | Buffer, type?: string) {
  const s = sessions.contributor!;
  const res = await state.t.app.inject({
    method,
    url,
    payload,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(type ? { 'content-type': type } : {}) },
  });
  return { status: res.statusCode, body: res.json() as unknown };
}

interface RequestAnswer {
  id: string;
  contribution: { id: string; version: number } | null;
}
const contributionOf = (res: Performed) => (res.body as RequestAnswer).contribution!;

export const stateReportContributionRecipes: Record<string, Recipe> = {
  'POST /api/state-reports/:id/requests': {
    as: 'coordinator',
    run: async (call) => {
      const res = await call('POST', `/api/state-reports/${ctx.stateReport}/requests`, {
        sectionIds: [ctx.stateReportSection],
        organisationIds: [ctx.bzk],
        deadline: addDays(today(), 10),
        message: 'Audit matrix',
      });
      ctx.stateReportRequest = (res.body as { created: { id: string }[] }).created[0]?.id ?? '';
      return res;
    },
    entity: () => ({ type: 'state_report_request', id: ctx.stateReportRequest! }),
  },
  'PUT /api/state-report-requests/:requestId/contribution': {
    as: 'contributor',
    run: async () => {
      const res = await inject('PUT', `/api/state-report-requests/${ctx.stateReportRequest}/contribution`, {
        text: 'BZK contributes a paragraph.',
      });
      ctx.stateReportContribution = contributionOf(res)?.id ?? '';
      return res;
    },
    entity: () => ({ type: 'state_report_contribution', id: ctx.stateReportContribution! }),
  },
  'POST /api/state-report-requests/:requestId/contribution.docx': {
    as: 'contributor',
    run: async () => {
      const doc = new Document({
        sections: [{ children: [new Paragraph('BZK contributes from a .docx.')] }],
      });
      return inject(
        'POST',
        `/api/state-report-requests/${ctx.stateReportRequest}/contribution.docx?fileName=bzk.docx`,
        await Packer.toBuffer(doc),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    },
    entity: () => ({ type: 'state_report_contribution', id: ctx.stateReportContribution! }),
  },
  'POST /api/state-report-requests/:requestId/contribution/submit': {
    as: 'contributor',
    run: async () => {
      const got = await state.t.call(
        sessions.contributor!,
        'GET',
        `/api/state-report-requests/${ctx.stateReportRequest}`,
      );
      const version = (got.json() as RequestAnswer).contribution!.version;
      return inject('POST', `/api/state-report-requests/${ctx.stateReportRequest}/contribution/submit`, {
        version,
      });
    },
    entity: () => ({ type: 'state_report_contribution', id: ctx.stateReportContribution! }),
  },
  'POST /api/state-report-contributions/:id/decision': {
    as: 'coordinator',
    run: async (call) => {
      const got = await state.t.call(
        sessions.coordinator!,
        'GET',
        `/api/state-report-requests/${ctx.stateReportRequest}`,
      );
      const version = (got.json() as RequestAnswer).contribution!.version;
      return call('POST', `/api/state-report-contributions/${ctx.stateReportContribution}/decision`, {
        decision: 'accepted',
        version,
      });
    },
    entity: (res) => ({ type: 'state_report_contribution', id: idOf(res) }),
  },
  'POST /api/state-reports/:id/sections/:sectionId/merge': {
    as: 'coordinator',
    run: async (call) => {
      const got = await state.t.call(
        sessions.coordinator!,
        'GET',
        `/api/state-reports/${ctx.stateReport}/sections/${ctx.stateReportSection}`,
      );
      return call('POST', `/api/state-reports/${ctx.stateReport}/sections/${ctx.stateReportSection}/merge`, {
        contributionIds: [ctx.stateReportContribution],
        sectionVersion: (got.json() as { version: number }).version,
      });
    },
    entity: () => ({ type: 'state_report_section', id: ctx.stateReportSection! }),
  },
  'POST /api/state-reports/:id/export': {
    as: 'coordinator',
    run: (call) => call('POST', `/api/state-reports/${ctx.stateReport}/export`),
    entity: (res) => ({ type: 'outgoing_document', id: (res.body as { letterId: string }).letterId }),
  },
};
