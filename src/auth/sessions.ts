import crypto from 'node:crypto';
import type { Queryable } from '../core/db.ts';

/** Sessions are stored under the sha256 of their token; the token itself lives only in the cookie. */
export const sessionId = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Ends the sessions of a user, except the one of `keepToken` (the session that asked). */
export async function endSessions(q: Queryable, userId: string, keepToken?: string): Promise<void> {
  await q.query('delete from sessions where user_id = $1 and id <> $2', [
    userId,
    keepToken ? sessionId(keepToken) : '',
  ]);
}
