import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, VersionParam, paged } from '../shared/schema.ts';
import { changeClusterMembers, createCluster, deleteCluster, updateCluster } from './clusters.ts';
import { getCluster, listClusters } from './load.ts';
import {
  Cluster,
  ClusterCreate,
  ClusterMembersChange,
  ClusterQuery,
  ClusterSummary,
  ClusterUpdate,
} from './schema.ts';

export async function clusterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['clusters'];
  app.get(
    '/clusters',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listClusters',
        summary: 'List clusters',
        tags,
        querystring: ClusterQuery,
        response: { 200: paged(ClusterSummary) },
      },
    },
    async (req) => listClusters(app.db, signedInActor(req), req.query),
  );
  app.get(
    '/clusters/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getCluster',
        summary: 'Get a cluster with its members',
        tags,
        params: IdParams,
        response: { 200: Cluster },
      },
    },
    async (req) => getCluster(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/clusters',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createCluster',
        summary: 'Make a cluster of recommendations',
        tags,
        body: ClusterCreate,
        response: { 201: Cluster },
      },
    },
    async (req, reply) => reply.status(201).send(await createCluster(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/clusters/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateCluster',
        summary: 'Change a cluster',
        tags,
        params: IdParams,
        body: ClusterUpdate,
        response: { 200: Cluster },
      },
    },
    async (req) => updateCluster(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/clusters/:id/members',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'changeClusterMembers',
        summary: 'Add recommendations to a cluster or remove them',
        tags,
        params: IdParams,
        body: ClusterMembersChange,
        response: { 200: Cluster },
      },
    },
    async (req) => changeClusterMembers(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/clusters/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteCluster',
        summary: 'Delete a cluster',
        tags,
        params: IdParams,
        querystring: z.object({ version: VersionParam }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteCluster(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
}
