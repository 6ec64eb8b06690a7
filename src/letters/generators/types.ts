/**
 * What a generator gives the workspace: the frame of the document (what is not a section: the
 * addressee and subject of a letter, the fields of a memo) and its sections, each with a stable key
 * so that a regeneration can keep the sections a user edited and show what changed in the others.
 */
import type { Queryable } from '../../core/db.ts';
import type { Actor } from '../../core/actor.ts';
import type { Block, MemoAttachment, MemoFields, MemoPurpose } from '../schema.ts';
import type { OutgoingParams } from '../kinds.ts';
import type { z } from 'zod';

export interface GeneratedSubsection {
  heading: string;
  blocks: Block[];
}

export interface GeneratedSection {
  /** Stable across regenerations of the same document: 'network', 'treaty:CRC', 'recommendation:12'. */
  key: string;
  heading: string;
  blocks: Block[];
  subsections: GeneratedSubsection[];
  /**
   * 2: a part of the section of level 1 before it, laid out under its heading (Heading 2), as each
   * treaty under "Ontwikkelingen per verdrag" of the annual letter; kept as a section of its own so
   * that it keeps its own key. Absent: 1.
   */
  level?: 1 | 2;
}

/** The parts of a letter outside its sections (the sender, place and date come from the installation and the workspace). */
export interface LetterFrame {
  kind: 'letter';
  addressee: string[];
  subject: string;
  reference?: string;
  yourReference?: string;
  signature: string[];
  /** The language of the document: Dutch, except the UPR addendum. */
  language: 'nl' | 'en';
}

export interface MemoFrame {
  kind: 'memo';
  fields: MemoFields;
  purpose: MemoPurpose;
  title: string;
  attachments: z.infer<typeof MemoAttachment>[];
}

/** A report (the annual human rights report): neither a letter nor a memo, a title page and its chapters. */
export interface ReportFrame {
  kind: 'report';
  title: string;
  /** Under the title: "Rapportage over 2025", the sending ministry. */
  subtitle: string;
}

export type Frame = LetterFrame | MemoFrame | ReportFrame;

export interface Generated {
  /** The title the workspace lists the document by ("Jaarbrief verdragsrapportages 2025"). */
  title: string;
  frame: Frame;
  sections: GeneratedSection[];
}

/** Who asks and when: generators read the data as the actor may see it, and date what they say by `today`. */
export interface GenerateContext {
  actor: Actor;
  today: string;
}

export type Generator<P extends OutgoingParams = OutgoingParams> = (
  q: Queryable,
  params: P,
  ctx: GenerateContext,
) => Promise<Generated>;
