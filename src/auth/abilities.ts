import type { Actor } from '../core/actor.ts';
import { hasRole, isAdmin, isAdminOrCoordinatingMinistry } from '../core/policy.ts';
import type { GlobalAbilities } from './schema.ts';

/** The signed-in user's abilities beyond single objects, from the rules of the features. */
export function globalAbilities(actor: Actor): GlobalAbilities {
  return {
    manageUsers: isAdmin(actor),
    viewAudit: isAdmin(actor),
    manageOrganisations: isAdmin(actor),
    createInstruments: isAdmin(actor),
    editGuides: isAdminOrCoordinatingMinistry(actor),
    manageMeetings: isAdminOrCoordinatingMinistry(actor),
    importRecommendations: hasRole(actor, 'coordinator'),
    updateExistingRecommendations: isAdminOrCoordinatingMinistry(actor),
    editTaxonomy: isAdminOrCoordinatingMinistry(actor),
    addDocuments: hasRole(actor, 'contributor'),
    readOutbox: isAdmin(actor),
  };
}
