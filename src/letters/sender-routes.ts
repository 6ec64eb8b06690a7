/** The sender of the installation's letters: read by those who make documents, set by an administrator. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { getSender, updateSender } from './sender.ts';
import { LOGO_MAX_BYTES, SenderSetting, SenderUpdate } from './sender-schema.ts';

export async function senderRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['letters'];
  app.get(
    '/settings/letter-sender',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getLetterSender',
        tags,
        summary: "The sender printed on the installation's letters and memos",
        response: { 200: SenderSetting },
      },
    },
    async () => getSender(app.db),
  );
  app.patch(
    '/settings/letter-sender',
    {
      config: { access: 'admin' },
      // The logo travels as base64: a third more than its 2 MB.
      bodyLimit: Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        operationId: 'updateLetterSender',
        tags,
        summary: 'Set the sender: organisation, unit, address lines, font and logo (PNG)',
        body: SenderUpdate,
        response: { 200: SenderSetting },
      },
    },
    async (req) => updateSender(app.db, signedInActor(req), req.body),
  );
}
