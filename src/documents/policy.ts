/**
 * Who may do what with a document. A document belongs to an instrument (or to none); its
 * coordinators (src/instruments/policy.ts) edit and publish it. Editing, moving or publishing needs
 * that right on the instrument the document belongs to now and on the one it moves to. Contributors
 * file internal drafts, edit only their own drafts, and never publish. Administrators may do all of it.
 */
import type { Actor } from '../core/actor.ts';
import { hasRole, isAdmin } from '../core/policy.ts';
import { instrumentPolicy, type InstrumentOwners } from '../instruments/policy.ts';
import { documentErrors } from './errors.ts';
import type { DocumentAbilities } from './schema.ts';

/** The facts of a document the rules look at. */
export interface DocumentFacts {
  public: boolean;
  createdBy: string | null;
  /** The instrument it belongs to; null when it belongs to none. */
  instrument: InstrumentOwners | null;
}

const isContributor = (actor: Actor | null) => actor !== null && actor.role === 'contributor';

/** The right on an instrument's documents: its coordinators; a document of no instrument only an administrator. */
const mayFileUnder = (actor: Actor | null, instrument: InstrumentOwners | null): boolean =>
  isAdmin(actor) || (instrument !== null && instrumentPolicy.edit(actor, instrument));

/** A contributor's own internal draft. */
const isOwnDraft = (actor: Actor | null, d: DocumentFacts): boolean =>
  isContributor(actor) && actor?.id != null && d.createdBy === actor.id && !d.public;

export const documentPolicy = {
  /** Add documents at all (the instrument decides the rest). */
  create: (actor: Actor | null): boolean => hasRole(actor, 'contributor'),
  /** Change a document's fields, or move it to another instrument or cycle. */
  edit: (actor: Actor | null, d: DocumentFacts): boolean =>
    mayFileUnder(actor, d.instrument) || isOwnDraft(actor, d),
  /** Make a document public or internal: never a contributor. */
  publish: (actor: Actor | null, d: DocumentFacts): boolean =>
    !isContributor(actor) && mayFileUnder(actor, d.instrument),
};

/** What the current user may do with one document, sent with it to the browser app. */
export const documentAbilities = (actor: Actor | null, d: DocumentFacts): DocumentAbilities => ({
  edit: documentPolicy.edit(actor, d),
  publish: documentPolicy.publish(actor, d),
});

const instrumentName = (i: InstrumentOwners) => i.code ?? 'this instrument';

/** Contributors file internal drafts anywhere; others need the right on the instrument. */
function assertMayFileUnder(
  actor: Actor,
  target: DocumentFacts,
  error: typeof documentErrors.move_forbidden,
) {
  if (isAdmin(actor)) return;
  if (isContributor(actor)) {
    if (target.public) throw documentErrors.contributor_public();
    return;
  }
  if (!target.instrument) throw documentErrors.no_instrument();
  if (!instrumentPolicy.edit(actor, target.instrument))
    throw error({ instrument: instrumentName(target.instrument) });
}

export function assertMayCreateDocument(actor: Actor, doc: DocumentFacts): void {
  assertMayFileUnder(actor, doc, documentErrors.move_forbidden);
}

/**
 * A change of a document, `before` as it is and `after` as it would be: the actor needs the right
 * on both (a contributor: their own draft, and it stays a draft).
 */
export function assertMayUpdateDocument(actor: Actor, before: DocumentFacts, after: DocumentFacts): void {
  if (isAdmin(actor)) return;
  if (isContributor(actor)) {
    if (!isOwnDraft(actor, before)) throw documentErrors.contributor_not_own();
    if (after.public) throw documentErrors.contributor_public();
    return;
  }
  assertMayFileUnder(actor, before, documentErrors.edit_forbidden);
  assertMayFileUnder(actor, after, documentErrors.move_forbidden);
}
