/**
 * The Dutch texts of publishing the follow-up (the panel on a recommendation's page, the action on
 * the list) and of the public follow-up that anonymous visitors read.
 */
export const publishNl = {
  publicHeading: 'Opvolging door de regering',
  publicSince: 'Openbaar gemaakt op {date}.',
  lead: 'Trekkend ministerie of trekkende organisatie',
  noLead: 'nog niet toegewezen',
  position: 'Standpunt',
  appreciation: 'Appreciatie',
  explanation: 'Toelichting',
  positionDate: 'Vastgelegd op',
  noPosition: 'De regering heeft nog geen standpunt over deze aanbeveling vastgelegd.',
  progressHeading: 'Voortgang',
  progressNone: 'Er is nog geen goedgekeurde voortgang gemeld.',
  status: 'Status',
  period: 'Periode',
  approvedOn: 'Goedgekeurd op {date}',
  viaCluster: 'Gemeld voor een groep samenhangende aanbevelingen waartoe deze aanbeveling behoort.',
  panelHeading: 'Openbaarmaking van de opvolging',
  isPublic:
    'De opvolging is openbaar sinds {date}: bezoekers zien het standpunt, de toelichting, de trekker en de goedgekeurde voortgang (zonder concepten, bijlagen of namen).',
  isInternal: 'De opvolging is intern: bezoekers zien alleen de aanbeveling zelf.',
  publish: 'Opvolging openbaar maken',
  withdraw: 'Openbaarmaking intrekken',
  published: 'De opvolging is openbaar gemaakt.',
  withdrawn: 'De openbaarmaking van de opvolging is ingetrokken.',
  bulkHeading: 'Opvolging openbaar maken',
  bulkIntro:
    'Maak de opvolging (standpunt, toelichting en goedgekeurde voortgang) van de {total} aanbevelingen van deze zoekopdracht openbaar, of trek de openbaarmaking in. U kunt dit doen voor aanbevelingen waarvan uw organisatie trekker is; het coördinerende ministerie voor alle.',
  bulkPublish: 'Openbaar maken',
  bulkWithdraw: 'Openbaarmaking intrekken',
  bulkConfirmPublish: 'De opvolging van {total} aanbevelingen openbaar maken?',
  bulkConfirmWithdraw: 'De openbaarmaking van de opvolging van {total} aanbevelingen intrekken?',
  bulkConfirmYesPublish: 'Ja, openbaar maken',
  bulkConfirmYesWithdraw: 'Ja, intrekken',
  bulkPublished:
    'De opvolging van {changed} aanbevelingen is openbaar gemaakt; {unchanged} waren al openbaar.',
  bulkWithdrawn:
    'De openbaarmaking van {changed} aanbevelingen is ingetrokken; {unchanged} waren niet openbaar.',
  bulkNone: 'De zoekopdracht heeft geen resultaten: er is niets openbaar te maken.',
  bulkTooMany:
    'De zoekopdracht heeft {total} resultaten; van hoogstens {limit} kan de opvolging tegelijk openbaar worden gemaakt. Verfijn de zoekopdracht.',
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type PublishTexts = Widen<typeof publishNl>;
