/**
 * Who reviews the redactions of a document of the workspace and publishes it: whoever changes the
 * document (its owner's coordinators, the coordinating ministry, administrators), in any state.
 * Contributors and observers do neither.
 */
import type { Actor } from '../core/actor.ts';
import { letterPolicy, type LetterFacts } from '../letters/policy.ts';

export const publicationPolicy = {
  /** Search the text, decide on the findings, add spans, finish the review. */
  review: (actor: Actor | null, d: LetterFacts): boolean => letterPolicy.edit(actor, d),
  /** Publish or withdraw the public version. */
  publish: (actor: Actor | null, d: LetterFacts): boolean => letterPolicy.edit(actor, d),
};
