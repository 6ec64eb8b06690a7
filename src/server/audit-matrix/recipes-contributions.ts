import { idOf, mem, remember, versionOf, type Recipe } from './context.ts';

/**
 * The recipes of the contributions to the annual report: a request made, edited and given a new
 * link; a contribution through the link and one signed in; examples selected, written, edited,
 * moved and removed; the request closed last.
 */
const secretOf = () => (mem.contributionRequest!.body as { link: string }).link.split('/').pop()!;
const DEADLINE = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
const CONTRIBUTION = {
  organisation: 'Ambassade Nairobi',
  contactName: 'Contactpersoon Post',
  contactEmail: 'post@example.org',
  title: 'Steun aan mensenrechtenverdedigers',
  body: 'De post steunde in 2025 een netwerk van mensenrechtenverdedigers.',
  areas: [1, 4],
  priorities: ['defenders_civic_space'],
};

export const contributionRecipes: Record<string, Recipe> = {
  'POST /api/report/contributions': {
    run: (call) =>
      call('POST', '/api/report/contributions', {
        year: 2025,
        title: 'Bijdragen rapportage 2025 (auditmatrix)',
        addressees: ['Posten'],
        deadline: DEADLINE(),
      }).then(remember('contributionRequest')),
    entity: (res) => ({ type: 'report_contribution_request', id: idOf(res) }),
  },
  'PATCH /api/report/contributions/:id': {
    run: (call) =>
      call('PATCH', `/api/report/contributions/${idOf(mem.contributionRequest!)}`, {
        instructions: 'Graag per resultaatgebied.',
        version: versionOf(mem.contributionRequest!),
      }).then(remember('contributionRequestEdited')),
    entity: (res) => ({ type: 'report_contribution_request', id: idOf(res) }),
  },
  'POST /api/report/contributions/:id/link': {
    run: (call) =>
      call('POST', `/api/report/contributions/${idOf(mem.contributionRequest!)}/link`, {
        version: versionOf(mem.contributionRequestEdited!),
      }).then(remember('contributionRequest')),
    entity: (res) => ({ type: 'report_contribution_request', id: idOf(res) }),
  },
  'POST /api/contribution-forms/:secret': {
    run: (call) =>
      call('POST', `/api/contribution-forms/${secretOf()}`, CONTRIBUTION).then(remember('contribution')),
    entity: (res) => ({ type: 'report_contribution', id: idOf(res) }),
  },
  'POST /api/report/contributions/:id/contributions': {
    as: 'contributor',
    run: (call) =>
      call('POST', `/api/report/contributions/${idOf(mem.contributionRequest!)}/contributions`, {
        ...CONTRIBUTION,
        organisation: 'Directie Multilaterale Organisaties en Mensenrechten',
        areas: [3],
        priorities: [],
      }),
    entity: (res) => ({ type: 'report_contribution', id: idOf(res) }),
  },
  'POST /api/report/contributions/examples/selected': {
    run: (call) =>
      call('POST', '/api/report/contributions/examples/selected', {
        contributionId: idOf(mem.contribution!),
        areaCode: 1,
      }).then(remember('example')),
    entity: (res) => ({ type: 'report_example', id: idOf(res) }),
  },
  'POST /api/report/contributions/examples': {
    run: (call) =>
      call('POST', '/api/report/contributions/examples', {
        year: 2025,
        areaCode: 1,
        priority: 'defenders_civic_space',
        title: 'Handgeschreven voorbeeld',
        body: 'Een voorbeeld dat de redactie zelf schreef.',
      }).then(remember('exampleByHand')),
    entity: (res) => ({ type: 'report_example', id: idOf(res) }),
  },
  'PATCH /api/report/contributions/examples/:id': {
    run: (call) =>
      call('PATCH', `/api/report/contributions/examples/${idOf(mem.example!)}`, {
        body: 'De ingekorte tekst van het voorbeeld.',
        version: versionOf(mem.example!),
      }).then(remember('example')),
    entity: (res) => ({ type: 'report_example', id: idOf(res) }),
  },
  'POST /api/report/contributions/examples/:id/move': {
    run: (call) =>
      call('POST', `/api/report/contributions/examples/${idOf(mem.exampleByHand!)}/move`, {
        direction: 'up',
        version: versionOf(mem.exampleByHand!),
      }).then(remember('exampleByHand')),
    entity: (res) => ({ type: 'report_example', id: idOf(res) }),
  },
  'DELETE /api/report/contributions/examples/:id': {
    run: (call) =>
      call(
        'DELETE',
        `/api/report/contributions/examples/${idOf(mem.exampleByHand!)}?version=${versionOf(mem.exampleByHand!)}`,
      ),
    entity: () => ({ type: 'report_example', id: idOf(mem.exampleByHand!) }),
  },
  'POST /api/report/contributions/:id/close': {
    run: (call) =>
      call('POST', `/api/report/contributions/${idOf(mem.contributionRequest!)}/close`, {
        version: versionOf(mem.contributionRequest!),
      }),
    entity: (res) => ({ type: 'report_contribution_request', id: idOf(res) }),
  },
};
