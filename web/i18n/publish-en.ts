/** The English texts of publishing the follow-up and of the public follow-up (see publish-nl.ts). */
import type { PublishTexts } from './publish-nl.ts';

export const publishEn: PublishTexts = {
  publicHeading: "The government's follow-up",
  publicSince: 'Made public on {date}.',
  lead: 'Lead ministry or organisation',
  noLead: 'not assigned yet',
  position: 'Position',
  appreciation: 'Appreciation',
  explanation: 'Explanation',
  positionDate: 'Recorded on',
  noPosition: 'The government has not recorded a position on this recommendation yet.',
  progressHeading: 'Progress',
  progressNone: 'No approved progress has been reported yet.',
  status: 'Status',
  period: 'Period',
  approvedOn: 'Approved on {date}',
  viaCluster: 'Reported for a group of related recommendations this recommendation belongs to.',
  panelHeading: 'Publication of the follow-up',
  isPublic:
    'The follow-up has been public since {date}: visitors see the position, the explanation, the lead and the approved progress (no drafts, files or names).',
  isInternal: 'The follow-up is internal: visitors see only the recommendation itself.',
  publish: 'Make the follow-up public',
  withdraw: 'Withdraw publication',
  published: 'The follow-up has been made public.',
  withdrawn: 'The publication of the follow-up has been withdrawn.',
  bulkHeading: 'Make the follow-up public',
  bulkIntro:
    'Make the follow-up (position, explanation and approved progress) of the {total} recommendations of this search public, or withdraw its publication. You may do so for recommendations your organisation leads; the coordinating ministry for all.',
  bulkPublish: 'Make public',
  bulkWithdraw: 'Withdraw publication',
  bulkConfirmPublish: 'Make the follow-up of {total} recommendations public?',
  bulkConfirmWithdraw: 'Withdraw the publication of the follow-up of {total} recommendations?',
  bulkConfirmYesPublish: 'Yes, make public',
  bulkConfirmYesWithdraw: 'Yes, withdraw',
  bulkPublished: 'The follow-up of {changed} recommendations has been made public; {unchanged} already were.',
  bulkWithdrawn:
    'The publication of {changed} recommendations has been withdrawn; {unchanged} were not public.',
  bulkNone: 'The search has no results: there is nothing to make public.',
  bulkTooMany:
    'The search has {total} results; the follow-up of at most {limit} can be made public at once. Narrow the search.',
};
