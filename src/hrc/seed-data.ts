/**
 * The Kingdom's Human Rights Council term 2020–2022 as reference data, from the letter to the Tweede
 * Kamer on its effort for the membership (14 February 2020; ../shared/seeds/
 * kamerbrief-inzet-mensenrechtenraad-2020-2022.txt). Only what the letter states; a fact it does not
 * state is listed in `unverified` (the term's status today follows from its years, not from the letter).
 */
export const HRC_SOURCE =
  'Kamerbrief inzet van het Koninkrijk voor het lidmaatschap van de VN-Mensenrechtenraad 2020–2022, 14 februari 2020';

export interface HrcTermSeed {
  startYear: number;
  endYear: number;
  status: 'candidate' | 'member' | 'past';
  electionDate: string | null;
  votesReceived: number | null;
  notes: string;
  /** The fields the source does not state (TermUpdate's names). */
  unverified: string[];
  priorities: { title: string; description: string }[];
}

export const HRC_TERMS: readonly HrcTermSeed[] = [
  {
    startYear: 2020,
    endYear: 2022,
    // The letter speaks of the coming membership; that it has ended follows from its years.
    status: 'past',
    // "Op 17 oktober jl. is het Koninkrijk met 172 stemmen voor de vierde maal gekozen" (letter of 14 February 2020).
    electionDate: '2019-10-17',
    votesReceived: 172,
    notes:
      'Voor de vierde maal gekozen tot lid. Inzet: respect, reach out, respond. De brief beantwoordt het verzoek van 16 januari en de moties Sjoerdsma c.s. (Kamerstuk 35 300 V, nr. 33: persvrijheid, gelijke rechten van LHBTI’s en bescherming van religieuze minderheden als speerpunt), Ploumen en Van Ojik (Kamerstuk 35 300 V, nr. 35: versterking van de Mensenrechtenraad) en Van der Staaij (Kamerstuk 34 775, nr. 44: afbouw van agendapunt 7). Over de resultaten wordt jaarlijks gerapporteerd in de Mensenrechtenrapportage.',
    unverified: ['status'],
    priorities: [
      {
        title: 'Respect',
        description:
          'Bescherming en bevordering van universele mensenrechtennormen en -standaarden: resultaten op de prioriteiten van het mensenrechtenbeleid en de BHOS-nota (Kamerstuk 34 952, nr. 1) en het behoud van een sterke Mensenrechtenraad.',
      },
      {
        title: 'Reach out',
        description:
          'Een betrouwbare partner zijn voor leden en niet-leden, grote en kleine landen, het maatschappelijk middenveld en mensenrechtenverdedigers.',
      },
      {
        title: 'Respond',
        description:
          'Waar sprake is van ernstige misstanden de Mensenrechtenraad aanjagen om in actie te komen: mensenrechtenrapportages, plenaire debatten en passende accountability mechanismen.',
      },
      {
        title: 'Versterking van de VN-Mensenrechtenraad',
        description:
          'Het afbouwen van agendapunt 7, de verbetering van de kwaliteit van het lidmaatschap en afdoende financiering.',
      },
      {
        title: 'Landensituaties',
        description:
          'Ernstige mensenrechtensituaties in landen blijven aankaarten, met gelijkgezinde landen en bij voorkeur in EU-verband; de jaarlijkse resolutie over Jemen, als core group met België, Canada, Ierland en Luxemburg.',
      },
      {
        title: 'Vrijheid van meningsuiting en internetvrijheid',
        description:
          'Samen met Canada de resolutie voor de mandaatverlenging van de VN-expert voor vrijheid van meningsuiting trekken; persvrijheid en de veiligheid van (vrouwelijke) journalisten.',
      },
      {
        title: 'Vrijheid van religie en levensovertuiging',
        description:
          'Opvolging van de 7e zitting van het Istanboel Proces en steun voor de mandaatverlenging van de VN-rapporteur.',
      },
      {
        title: 'Gelijke rechten voor LHBTI’s',
        description:
          'Het mandaat van de VN-expert voor seksuele oriëntatie en genderidentiteit nadrukkelijk steunen; een geoormerkte bijdrage aan de OHCHR in 2020–2022.',
      },
      {
        title: 'Gelijke rechten voor vrouwen en meisjes',
        description:
          'De gelijke rechten van alle vrouwen en meisjes, keuzevrijheid en seksuele en reproductieve gezondheid en rechten (SRGR).',
      },
      {
        title: 'Mensenrechtenverdedigers en ruimte voor maatschappelijk middenveld',
        description:
          'De deelname van (vrouwelijke) mensenrechtenverdedigers aan debatten in de Mensenrechtenraad bevorderen en represailles veroordelen.',
      },
      {
        title: 'Internationale rechtsorde en strijd tegen straffeloosheid',
        description:
          'Consistente ondersteuning door de OHCHR van accountability mechanismen en samenwerking tussen het Internationaal Strafhof en de bewijsgaringsmechanismen.',
      },
    ],
  },
];
