/**
 * The Dutch texts of the results framework of the annual human rights report. They load with its
 * page (web/report/texts.ts), not with the first page.
 */
export const reportNl = {
  reportNav: {
    label: 'Onderdelen van de jaarrapportage',
    framework: 'Resultatenkader',
    contributions: 'Bijdragen',
    annex: 'Financiële bijlage',
  },
  framework: {
    nav: 'Resultatenkader',
    title: 'Resultatenkader {year}',
    titlePlain: 'Resultatenkader',
    intro:
      'Het resultatenkader van de jaarlijkse Rapportage Mensenrechten, Democratie en Internationale Rechtsorde: de resultaatgebieden, de vijf mensenrechtenprioriteiten binnen resultaatgebied 1, hun doelen en indicatoren, per jaar.',
    yearLabel: 'Jaar',
    yearLegend: 'Kies het jaar',
    show: 'Tonen',
    empty: 'Er is nog geen resultatenkader voor {year}.',
    area: 'Resultaatgebied {code}: {title}',
    priorities: 'Prioriteiten',
    goals: 'Doelen',
    noGoals: 'Nog geen doelen.',
    goal: 'Doel',
    addGoal: 'Doel toevoegen',
    addGoalTo: 'Doel toevoegen aan {name}',
    goalText: 'Tekst van het doel',
    goalAdded: 'Het doel is toegevoegd.',
    goalSaved: 'Het doel is opgeslagen.',
    goalRemoved: 'Het doel is verwijderd.',
    editGoal: 'Doel bewerken',
    removeGoal: 'Doel verwijderen',
    removeGoalQuestion: 'Het doel "{text}" met zijn indicatoren verwijderen?',
    indicators: 'Indicatoren',
    indicator: 'Indicator',
    addIndicator: 'Indicator toevoegen',
    editIndicator: 'Indicator bewerken',
    removeIndicator: 'Indicator verwijderen',
    removeIndicatorQuestion: 'De indicator "{text}" verwijderen?',
    indicatorText: 'Omschrijving van de indicator',
    unit: 'Eenheid',
    baseline: 'Nulmeting',
    target: 'Streefwaarde',
    reached: 'Behaald',
    indicatorAdded: 'De indicator is toegevoegd.',
    indicatorSaved: 'De indicator is opgeslagen.',
    indicatorRemoved: 'De indicator is verwijderd.',
    editArea: 'Titel bewerken',
    titleNl: 'Titel (Nederlands)',
    titleEn: 'Titel (Engels)',
    areaSaved: 'Het resultaatgebied is opgeslagen.',
    source: 'Bron van de Nederlandse titel: {source}',
    copy: 'Kopiëren naar {year}',
    copyQuestion:
      'Het resultatenkader van {from} kopiëren naar {to}? De behaalde waarden worden niet meegekopieerd.',
    copyYes: 'Ja, kopiëren',
    copied: 'Het resultatenkader van {from} is gekopieerd naar {to}; doelen gekopieerd: {goals}.',
    openCopy: 'Resultatenkader {year} openen',
    save: 'Opslaan',
    cancel: 'Annuleren',
    yes: 'Ja, verwijderen',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ReportTexts = Widen<typeof reportNl>;
