import type { Actor } from '../core/actor.ts';
import { hasRole, isAdmin, isAdminOrCoordinatingMinistry } from '../core/policy.ts';
import { auditPolicy } from '../audit/policy.ts';
import { commitmentPolicy } from '../commitments/policy.ts';
import { documentPolicy } from '../documents/policy.ts';
import { instrumentPolicy } from '../instruments/policy.ts';
import { letterPolicy } from '../letters/policy.ts';
import { meetingPolicy } from '../meetings/policy.ts';
import { organisationPolicy } from '../organisations/policy.ts';
import { templatePolicy } from '../process/policy.ts';
import { recommendationPolicy } from '../recommendations/policy.ts';
import { taxonomyPolicy } from '../taxonomy/policy.ts';
import { userPolicy } from '../users/policy.ts';
import type { GlobalAbilities } from './schema.ts';

/** The signed-in user's abilities beyond single objects, from the rules of the features. */
export function globalAbilities(actor: Actor): GlobalAbilities {
  return {
    manageUsers: userPolicy.manage(actor),
    viewAudit: auditPolicy.view(actor),
    manageOrganisations: organisationPolicy.manage(actor),
    createInstruments: instrumentPolicy.create(actor),
    editGuides: templatePolicy.edit(actor),
    manageMeetings: meetingPolicy.edit(actor),
    importRecommendations: recommendationPolicy.import(actor),
    updateExistingRecommendations: recommendationPolicy.changeExisting(actor),
    editTaxonomy: taxonomyPolicy.edit(actor),
    addDocuments: documentPolicy.create(actor),
    readOutbox: isAdmin(actor),
    // Assigning search results in bulk: the server still checks each recommendation's lead.
    assignRecommendations: isAdminOrCoordinatingMinistry(actor) || hasRole(actor, 'coordinator'),
    createLetters: letterPolicy.create(actor, actor.organisationId ?? ''),
    setLetterSender: letterPolicy.setSender(actor),
    manageCommitments: commitmentPolicy.create(actor),
  };
}
