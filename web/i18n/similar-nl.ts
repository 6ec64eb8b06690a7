/** De teksten van vergelijkbare aanbevelingen en van de voorstellen voor clusters (Nederlands). */
export const similarNl = {
  'similar.heading': 'Vergelijkbare aanbevelingen',
  'similar.intro':
    'Aanbevelingen met dezelfde strekking, van andere organen en uit andere cycli. De score (0 tot 1) geeft aan hoeveel woorden zij delen, zeldzame woorden wegen zwaarder.',
  'similar.none': 'Er zijn geen vergelijkbare aanbevelingen gevonden.',
  'similar.score': 'Overeenkomst',
  'similar.body': 'Orgaan',
  'similar.cycle': 'Cyclus of sessie',
  'similar.uprSession': 'UPR-sessie {n}',
  'similar.year': 'Jaar',
  'similar.position': 'Standpunt',
  'similar.receivedAgain': 'Opnieuw ontvangen',
  'similar.duplicate': 'Zelfde tekst',
  'similar.proposalsHeading': 'Voorstellen voor clusters',
  'similar.proposalsIntro':
    'Groepen vergelijkbare aanbevelingen aan het Koninkrijk die nog in geen cluster zitten. Maak er met één klik een cluster van; u kunt titel en leden daarna aanpassen.',
  'similar.proposalsNone':
    'Er zijn geen voorstellen: de vergelijkbare aanbevelingen zitten al in een cluster.',
  'similar.proposalTitle': 'Voorstel: {title}',
  'similar.proposalMeta': '{count} aanbevelingen, gemiddelde overeenkomst {score}',
  'similar.sharedTerms': 'Gedeelde woorden',
  'similar.members': 'Aanbevelingen in dit voorstel',
  'similar.createCluster': 'Cluster maken',
  'similar.created': 'Het cluster "{title}" is gemaakt met {count} aanbevelingen.',
  'similar.openCluster': 'Cluster openen',
  'similar.noRight': 'Alleen coördinatoren kunnen van een voorstel een cluster maken.',
};
export type SimilarTexts = Record<keyof typeof similarNl, string>;
