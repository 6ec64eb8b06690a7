/** The comments API as the browser app uses it: a thread, the users to mention, and the changes. */
import { useQuery } from '@tanstack/react-query';
import type {
  Comment,
  CommentCreate,
  CommentEdit,
  CommentKind,
  CommentThread,
  Mentionable,
} from '../../src/comments/schema.ts';
import { api, qs } from '../lib/api.ts';

export const threadKey = (kind: CommentKind, id: string) => ['comments', kind, id] as const;

export function useThread(kind: CommentKind, id: string) {
  return useQuery({
    queryKey: threadKey(kind, id),
    queryFn: () => api<CommentThread>('GET', `/api/comments${qs({ kind, id })}`),
  });
}

/** The active users whose name or address holds `q` (at most 10); asked only while typing a mention. */
export function useMentionable(q: string | null) {
  return useQuery({
    queryKey: ['comments', 'mentionable', q],
    queryFn: () => api<Mentionable[]>('GET', `/api/comments/mentionable${qs({ q: q ?? '' })}`),
    enabled: q !== null,
    staleTime: 30_000,
    placeholderData: (prev) => prev,
  });
}

export const postComment = (body: CommentCreate) => api<Comment>('POST', '/api/comments', body);

export const editComment = (id: string, body: CommentEdit) =>
  api<Comment>('PATCH', `/api/comments/${id}`, body);

export const deleteComment = (c: Pick<Comment, 'id' | 'version'>) =>
  api<Comment>('DELETE', `/api/comments/${c.id}${qs({ version: c.version })}`);
