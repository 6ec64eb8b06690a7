import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Task } from '../process/schema.ts';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import { saveAgenda } from './agenda.ts';
import { recordDecision } from './decisions.ts';
import { createMeeting, getMeeting, listMeetings, updateMeeting } from './meetings.ts';
import { proposeAgenda } from './proposal.ts';
import {
  AgendaProposal,
  AgendaSave,
  DecisionCreate,
  Meeting,
  MeetingCreate,
  MeetingQuery,
  MeetingUpdate,
  ProposalQuery,
} from './schema.ts';

export async function meetingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  app.get(
    '/meetings',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listMeetings',
        summary: 'List meetings',
        tags,
        querystring: MeetingQuery,
        response: { 200: paged(Meeting) },
      },
    },
    async (req) => listMeetings(app.db, signedInActor(req), req.query),
  );
  app.get(
    '/meetings/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getMeeting',
        summary: 'Get a meeting with its agenda and decisions',
        tags,
        params: IdParams,
        response: { 200: Meeting },
      },
    },
    async (req) => getMeeting(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/meetings',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createMeeting',
        summary: 'Plan a meeting',
        tags,
        body: MeetingCreate,
        response: { 201: Meeting },
      },
    },
    async (req, reply) => reply.status(201).send(await createMeeting(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/meetings/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateMeeting',
        summary: 'Change a meeting',
        tags,
        params: IdParams,
        body: MeetingUpdate,
        response: { 200: Meeting },
      },
    },
    async (req) => updateMeeting(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.get(
    '/meetings/:id/agenda-proposal',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getAgendaProposal',
        summary: 'Propose an agenda for a meeting from what is due',
        tags,
        params: IdParams,
        querystring: ProposalQuery,
        response: { 200: AgendaProposal },
      },
    },
    async (req) => proposeAgenda(app.db, signedInActor(req), req.params.id, req.query.lang),
  );
  app.post(
    '/meetings/:id/agenda',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'saveMeetingAgenda',
        summary: 'Save the agenda of a meeting',
        tags,
        params: IdParams,
        body: AgendaSave,
        response: { 200: Meeting },
      },
    },
    async (req) => saveAgenda(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/decisions',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createMeetingDecision',
        summary: 'Record a decision of a meeting',
        tags,
        params: IdParams,
        body: DecisionCreate,
        response: { 201: Task },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordDecision(app.db, signedInActor(req), req.params.id, req.body)),
  );
}
