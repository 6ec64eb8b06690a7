/** The English texts of similar recommendations and of the cluster proposals (see similar-nl.ts). */
import type { SimilarTexts } from './similar-nl.ts';

export const similarEn: SimilarTexts = {
  'similar.heading': 'Similar recommendations',
  'similar.intro':
    'Recommendations with the same concern, from other bodies and other cycles. The score (0 to 1) tells how many words they share, rare words counting more.',
  'similar.none': 'No similar recommendations were found.',
  'similar.score': 'Similarity',
  'similar.body': 'Body',
  'similar.cycle': 'Cycle or session',
  'similar.uprSession': 'UPR session {n}',
  'similar.year': 'Year',
  'similar.position': 'Position',
  'similar.receivedAgain': 'Received again',
  'similar.duplicate': 'Same text',
  'similar.proposalsHeading': 'Proposed clusters',
  'similar.proposalsIntro':
    'Groups of similar recommendations to the Kingdom that are in no cluster yet. Make a cluster of one with one click; you can change its title and members afterwards.',
  'similar.proposalsNone': 'There are no proposals: the similar recommendations are in a cluster already.',
  'similar.proposalTitle': 'Proposal: {title}',
  'similar.proposalMeta': '{count} recommendations, mean similarity {score}',
  'similar.sharedTerms': 'Shared words',
  'similar.members': 'Recommendations in this proposal',
  'similar.createCluster': 'Make cluster',
  'similar.created': 'The cluster "{title}" was made with {count} recommendations.',
  'similar.openCluster': 'Open the cluster',
  'similar.noRight': 'Only coordinators can make a cluster of a proposal.',
};
