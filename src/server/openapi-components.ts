import { z } from 'zod';
import { Block, MemoFields } from '../letters/schema.ts';
import {
  Consultation as LetterConsultation,
  Frame,
  WorkspaceDocument,
  WorkspaceSection,
} from '../letters/workspace-schema.ts';
import { OutgoingParams } from '../letters/kinds.ts';
import { Term as HrcTerm } from '../hrc/schema.ts';
import { Template, Task } from '../process/schema.ts';
import { Cycle } from '../cycles/schema.ts';
import { Commitment } from '../commitments/schema.ts';
import { Action, Indicator } from '../actions/schema.ts';
import { Meeting } from '../meetings/schema.ts';
import { Instrument } from '../instruments/schema.ts';
import { FollowUp, ProgressUpdate } from '../followup/schema.ts';
import { Cluster } from '../clusters/schema.ts';
import { Recommendation } from '../recommendations/schema.ts';
import { Consultation } from '../consultations/schema.ts';
import { Organisation } from '../organisations/schema.ts';
import { Document } from '../documents/schema.ts';
import { RedactionReview } from '../woo/publication-schema.ts';

/**
 * The schemas the OpenAPI document names as components (`#/components/schemas/<id>`) instead of
 * repeating them in every operation that returns them: the objects of the API, under the names a
 * generated client gives its types. A schema used as input as well gets a second component, `<id>Input`.
 */
const COMPONENTS: [z.ZodType, string][] = [
  [WorkspaceDocument, 'LetterDocument'],
  [WorkspaceSection, 'LetterSection'],
  [LetterConsultation, 'LetterConsultation'],
  [Frame, 'LetterFrame'],
  [OutgoingParams, 'LetterParams'],
  [MemoFields, 'MemoFields'],
  [Block, 'Block'],
  [HrcTerm, 'HrcTerm'],
  [Template, 'ProcessTemplate'],
  [Task, 'ProcessTask'],
  [Cycle, 'Cycle'],
  [Commitment, 'Commitment'],
  [Action, 'Action'],
  [Indicator, 'Indicator'],
  [Meeting, 'Meeting'],
  [Instrument, 'Instrument'],
  [FollowUp, 'FollowUp'],
  [ProgressUpdate, 'ProgressUpdate'],
  [Cluster, 'Cluster'],
  [Recommendation, 'Recommendation'],
  [Consultation, 'Consultation'],
  [Organisation, 'Organisation'],
  [Document, 'Document'],
  [RedactionReview, 'RedactionReview'],
];

let registered = false;
/** Registers the components once, before the document is first made. */
export function registerComponents(): void {
  if (registered) return;
  registered = true;
  for (const [schema, id] of COMPONENTS) {
    if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
  }
}
