/** The Dutch texts of the tagging suggestions (web/suggestions). */
export const suggestionsNl = {
  heading: 'Voorgestelde labels',
  intro:
    'Deze aanbeveling heeft nog geen labels. Het labelmodel stelt de volgende termen voor; accepteer een voorstel om het als label toe te voegen, of wijs het af (dan wordt het niet opnieuw voorgesteld).',
  readOnly:
    'Alleen beheerders en coördinatoren van het coördinerende ministerie kunnen voorstellen accepteren of afwijzen.',
  none: 'Er zijn geen voorstellen (meer) voor deze aanbeveling.',
  caption: 'Voorgestelde labels ({count})',
  label: 'Label',
  vocabulary: 'Soort',
  score: 'Zekerheid',
  decision: 'Beslissing',
  accept: 'Accepteren',
  reject: 'Afwijzen',
  accepted: 'Label toegevoegd: {label}.',
  rejected: 'Voorstel afgewezen: {label}.',
  likely: 'boven de drempel van het model',
  model: 'Model {version}',
  vocabularies: {
    'upr-info-issue': 'UPR Info-onderwerp',
    'uhri-theme': 'Thema (UHRI)',
    'uhri-group': 'Betrokken groep (UHRI)',
    'sdg-target': 'SDG',
  } as Record<string, string>,
  // The bulk page of an import.
  pageTitle: 'Voorgestelde labels voor een import',
  pageIntro:
    'De aanbevelingen die deze import nieuw aanmaakte, met de labels die het model voorstelt. Accepteer of wijs elk voorstel af, of tag alle aanbevelingen zonder labels in één keer.',
  backToImports: 'Terug naar importeren',
  importFacts:
    'Bestand {file}, geïmporteerd op {date}: {total} nieuwe aanbevelingen, waarvan {untagged} zonder labels.',
  recommendationsCaption: 'Nieuwe aanbevelingen',
  recommendation: 'Aanbeveling',
  tags: 'Labels',
  tagOne: '1 label',
  tagCount: '{count} labels',
  noTags: 'Geen labels',
  noSuggestions: 'Geen voorstellen',
  notFound: 'Deze import bestaat niet (meer).',
  // Tagging an import's new recommendations in bulk.
  bulkHeading: 'Labels voor de nieuwe aanbevelingen',
  bulkLink: 'Voorgestelde labels van de nieuwe aanbevelingen bekijken',
  bulkButton: 'Tag de nieuwe aanbevelingen met de voorgestelde labels',
  bulkQuestion:
    'Alle nieuwe aanbevelingen van deze import die nog geen labels hebben, krijgen de voorgestelde labels boven de drempel van het model. Doorgaan?',
  bulkYes: 'Ja, labels toevoegen',
  bulkDone:
    '{tagged} van de {untagged} aanbevelingen zonder labels kregen samen {tags} labels; {without} hadden geen voorstel boven de drempel.',
};
export type SuggestionsTexts = typeof suggestionsNl;
