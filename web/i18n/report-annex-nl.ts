/**
 * The Dutch texts of the financial annex of the annual human rights report. They load with its page
 * (web/report/annex-texts.ts), not with the first page.
 */
export const annexNl = {
  annex: {
    title: 'Financiële bijlage',
    titleYears: 'Financiële bijlage {from}–{to}',
    titleYear: 'Financiële bijlage {year}',
    intro:
      'De uitgaven voor mensenrechten per prioriteit en per jaar, op kasbasis: een betaling telt mee in het jaar waarin zij is gedaan. Een voorschot dat in december voor het volgende jaar is betaald, telt dus mee in het jaar van betaling; de toelichting vermeldt het bij beide jaren.',
    noPie:
      'De bijlage toont tabellen. Cirkeldiagrammen ontbreken bewust: zij geven een vertekend beeld wanneer een voorschot in een eerder jaar is betaald. Per jaar kunt u een staafdiagram met een vaste nullijn tonen; de tabel blijft staan.',
    rangeLegend: 'Kies de jaren',
    from: 'Van',
    to: 'Tot en met',
    show: 'Tonen',
    empty: 'Er zijn nog geen uitgaven ingelezen.',
    emptyRange: 'Er zijn geen uitgaven in de gekozen jaren.',
    year: 'Uitgaven {year}',
    caption: 'Uitgaven per prioriteit in {year}, op kasbasis',
    priority: 'Prioriteit',
    amount: 'Bedrag',
    payments: 'Aantal betalingen',
    total: 'Totaal',
    notes: 'Toelichting {year}',
    noNotes: 'Geen toelichting bij {year}.',
    showChart: 'Staafdiagram tonen',
    hideChart: 'Staafdiagram verbergen',
    chartYear: 'van {year}',
    chartSummary: 'Staafdiagram van de uitgaven per prioriteit in {year}: {values}. Totaal {total}.',
    chartCaption:
      'Uitgaven per prioriteit in {year} (euro, op kasbasis). Liggende staven vanaf een vaste nullijn; de bedragen staan bij de staven en in de tabel.',
    chartLoading: 'Het diagram wordt geladen…',
    comparison: 'Vergelijking per jaar',
    comparisonCaption: 'Uitgaven per prioriteit en jaar in euro, op kasbasis',
    manage: 'Beheer van de bijlage',
    importTitle: 'Uitgaven inlezen',
    importIntro:
      'Lees een IATI-activiteitenbestand (IATI 2.01, 2.02 of 2.03) of een spreadsheet (.xlsx of .csv) met uitgaven in. Een bestand wordt in zijn geheel ingelezen of helemaal niet: bij een fout wordt niets opgeslagen.',
    kind: 'Soort bestand',
    kindIati: 'IATI-activiteitenbestand (.xml)',
    kindSheet: 'Spreadsheet (.xlsx of .csv)',
    file: 'Bestand',
    fileHint: 'Opnieuw inlezen werkt bij wat veranderd is; niets wordt dubbel opgeslagen.',
    fileRequired: 'Kies een bestand.',
    importSubmit: 'Inlezen',
    importing: '{file} wordt ingelezen…',
    imported:
      '{file} is ingelezen: {created} betalingen toegevoegd, {updated} bijgewerkt, {deleted} verwijderd.',
    summary: 'Resultaat van het inlezen',
    summaryFile: 'Bestand',
    activitiesRead: 'Activiteiten gelezen',
    rowsRead: 'Rijen gelezen',
    created: 'Betalingen toegevoegd',
    updated: 'Betalingen bijgewerkt',
    deleted: 'Betalingen verwijderd',
    unchanged: 'Betalingen ongewijzigd',
    skipped: 'Activiteiten overgeslagen',
    skippedWhy:
      '{count} overgeslagen: zij vallen niet in een sector voor mensenrechten en er is geen prioriteit voor ingesteld. Voeg hieronder een sector toe of stel een prioriteit in en lees het bestand opnieuw in.',
    skippedNone: 'geen',
    activities: 'Activiteiten en hun prioriteit',
    activitiesIntro:
      'Een IATI-activiteit telt mee voor de prioriteit die hier is ingesteld, anders voor "Overige mensenrechten". Bij een wijziging verhuizen haar betalingen mee; volgende keren inlezen houden de prioriteit vast.',
    activitiesCaption: 'IATI-activiteiten in de bijlage',
    activity: 'Activiteit',
    activityTitle: 'Titel',
    paid: 'Betaald',
    noActivities: 'Er zijn nog geen IATI-activiteiten ingelezen.',
    notImported: 'nog niet ingelezen',
    notSet: '(niet ingesteld)',
    change: 'Prioriteit wijzigen',
    changeTitle: 'Prioriteit van {activity}',
    priorityChanged: 'De prioriteit van {activity} is opgeslagen; {moved} betalingen zijn meeverhuisd.',
    other: 'Prioriteit voor een andere activiteit',
    otherIntro:
      'Voor een activiteit die bij het inlezen is overgeslagen: stel een prioriteit in met haar IATI-identifier, en het volgende inlezen neemt haar mee.',
    identifier: 'IATI-identifier',
    identifierRequired: 'Vul de IATI-identifier in.',
    set: 'Instellen',
    save: 'Opslaan',
    sectors: 'Sectoren voor mensenrechten',
    sectorsIntro:
      'Een IATI-activiteit wordt ingelezen als een van haar sectoren (DAC-code van vijf cijfers) hier staat, of als er een prioriteit voor is ingesteld. Een nieuwe sector geldt vanaf het volgende inlezen.',
    sectorsCaption: 'Sectoren die meetellen',
    code: 'DAC-code',
    label: 'Omschrijving',
    addSector: 'Sector toevoegen',
    codeHint: 'Vijf cijfers, bijvoorbeeld 15150 (democratische participatie en maatschappelijk middenveld).',
    codeRequired: 'Vul een DAC-code van vijf cijfers in.',
    labelRequired: 'Vul een omschrijving in.',
    sectorAdded: 'Sector {code} is toegevoegd.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type AnnexTexts = Widen<typeof annexNl>;
