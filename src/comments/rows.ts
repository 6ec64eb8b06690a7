/** Rows of the comment tables, as the database returns them (snake_case). */
import type { TableSpec } from '../core/write.ts';
import type { CommentKind } from './schema.ts';

export interface CommentRow {
  id: string;
  subject_kind: CommentKind;
  subject_id: string;
  body: string;
  author_id: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  version: number;
  updated_at: string;
}
export interface CommentWrite {
  subjectKind: CommentKind;
  subjectId: string;
  body: string;
  authorId: string | null;
  editedAt: string | null;
  deletedAt: string | null;
}
export const commentTable: TableSpec<CommentRow, CommentWrite> = {
  table: 'comments',
  entity: 'comment',
  writable: ['subjectKind', 'subjectId', 'body', 'authorId', 'editedAt', 'deletedAt'],
};
