import type { SuggestionsTexts } from './suggestions-nl.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The English texts of the tagging suggestions (web/suggestions). */
export const suggestionsEn: Widen<SuggestionsTexts> = {
  heading: 'Suggested tags',
  intro:
    'This recommendation has no tags yet. The tagging model suggests the terms below; accept a suggestion to add it as a tag, or reject it (it will not be suggested again).',
  readOnly:
    'Only administrators and coordinators of the coordinating ministry can accept or reject suggestions.',
  none: 'There are no (more) suggestions for this recommendation.',
  caption: 'Suggested tags ({count})',
  label: 'Tag',
  vocabulary: 'Kind',
  score: 'Confidence',
  decision: 'Decision',
  accept: 'Accept',
  reject: 'Reject',
  accepted: 'Tag added: {label}.',
  rejected: 'Suggestion rejected: {label}.',
  likely: "above the model's threshold",
  model: 'Model {version}',
  vocabularies: {
    'upr-info-issue': 'UPR Info issue',
    'uhri-theme': 'Theme (UHRI)',
    'uhri-group': 'Group concerned (UHRI)',
    'sdg-target': 'SDG',
  },
  pageTitle: 'Suggested tags for an import',
  pageIntro:
    'The recommendations this import created, with the tags the model suggests. Accept or reject each suggestion, or tag all recommendations without tags at once.',
  backToImports: 'Back to imports',
  importFacts:
    'File {file}, imported on {date}: {total} new recommendations, {untagged} of them without tags.',
  recommendationsCaption: 'New recommendations',
  recommendation: 'Recommendation',
  tags: 'Tags',
  tagOne: '1 tag',
  tagCount: '{count} tags',
  noTags: 'No tags',
  noSuggestions: 'No suggestions',
  notFound: 'This import does not exist (any more).',
  bulkHeading: 'Tags for the new recommendations',
  bulkLink: 'See the suggested tags of the new recommendations',
  bulkButton: 'Tag the new recommendations with the suggested tags',
  bulkQuestion:
    "Every new recommendation of this import that has no tags yet gets the suggested tags above the model's threshold. Continue?",
  bulkYes: 'Yes, add the tags',
  bulkDone:
    '{tagged} of the {untagged} recommendations without tags got {tags} tags in all; {without} had no suggestion above the threshold.',
};
