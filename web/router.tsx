import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouteComponent,
} from '@tanstack/react-router';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import type { searchValidators } from './route-search.ts';
import { validateWorklistSearch } from './followup/search.ts';
import { validateActionsSearch, validateClustersSearch } from './clusters/search.ts';
import { validateDashboardSearch } from './dashboards/search.ts';
import { validateLettersSearch } from './letters/search.ts';
import { validateCommitmentsSearch } from './commitments/search.ts';
import { validateFrameworkSearch } from './report/search.ts';
import { validateAnnexSearch } from './report/annex-search.ts';
import { validateStateReportsSearch } from './state-report/search.ts';

/**
 * Each page is its own chunk, loaded when its route is first shown: the first page loads React, the router,
 * the layout and that page only.
 */
const AuditPage = lazyRouteComponent(() => import('./admin/AuditPage.tsx'), 'AuditPage');
const OrganisationsPage = lazyRouteComponent(
  () => import('./admin/OrganisationsPage.tsx'),
  'OrganisationsPage',
);
const OutboxPage = lazyRouteComponent(() => import('./admin/OutboxPage.tsx'), 'OutboxPage');
const LetterSenderPage = lazyRouteComponent(() => import('./admin/LetterSenderPage.tsx'), 'LetterSenderPage');
const UsersPage = lazyRouteComponent(() => import('./admin/UsersPage.tsx'), 'UsersPage');
const LoginPage = lazyRouteComponent(() => import('./auth/LoginPage.tsx'), 'LoginPage');
const PasswordPage = lazyRouteComponent(() => import('./auth/PasswordPage.tsx'), 'PasswordPage');
const DeadlinesPage = lazyRouteComponent(() => import('./calendar/DeadlinesPage.tsx'), 'DeadlinesPage');
const TimelinePage = lazyRouteComponent(() => import('./calendar/TimelinePage.tsx'), 'TimelinePage');
const ConsultationModerationPage = lazyRouteComponent(
  () => import('./consultations/ConsultationModerationPage.tsx'),
  'ConsultationModerationPage',
);
const ConsultationPage = lazyRouteComponent(
  () => import('./consultations/ConsultationPage.tsx'),
  'ConsultationPage',
);
const ConsultationsPage = lazyRouteComponent(
  () => import('./consultations/ConsultationsPage.tsx'),
  'ConsultationsPage',
);
const ImportPage = lazyRouteComponent(() => import('./imports/ImportPage.tsx'), 'ImportPage');
const InstrumentPage = lazyRouteComponent(() => import('./instruments/InstrumentPage.tsx'), 'InstrumentPage');
const OverviewPage = lazyRouteComponent(() => import('./instruments/OverviewPage.tsx'), 'OverviewPage');
const MeetingPage = lazyRouteComponent(() => import('./meetings/MeetingPage.tsx'), 'MeetingPage');
const MeetingsPage = lazyRouteComponent(() => import('./meetings/MeetingsPage.tsx'), 'MeetingsPage');
const NotificationsPage = lazyRouteComponent(
  () => import('./notifications/NotificationsPage.tsx'),
  'NotificationsPage',
);
const ProcessTemplatesPage = lazyRouteComponent(
  () => import('./process/ProcessTemplatesPage.tsx'),
  'ProcessTemplatesPage',
);
const TasksPage = lazyRouteComponent(() => import('./process/TasksPage.tsx'), 'TasksPage');
// The dashboard's chunk carries the chart library, which no other page loads.
const DashboardPage = lazyRouteComponent(() => import('./dashboards/DashboardPage.tsx'), 'DashboardPage');
const WorklistPage = lazyRouteComponent(() => import('./followup/WorklistPage.tsx'), 'WorklistPage');
const ClustersPage = lazyRouteComponent(() => import('./clusters/ClustersPage.tsx'), 'ClustersPage');
const ClusterPage = lazyRouteComponent(() => import('./clusters/ClusterPage.tsx'), 'ClusterPage');
const ActionsPage = lazyRouteComponent(() => import('./actions/ActionsPage.tsx'), 'ActionsPage');
const ActionPage = lazyRouteComponent(() => import('./actions/ActionPage.tsx'), 'ActionPage');
const CommitmentsPage = lazyRouteComponent(
  () => import('./commitments/CommitmentsPage.tsx'),
  'CommitmentsPage',
);
const CommitmentPage = lazyRouteComponent(() => import('./commitments/CommitmentPage.tsx'), 'CommitmentPage');
const FrameworkPage = lazyRouteComponent(() => import('./report/FrameworkPage.tsx'), 'FrameworkPage');
const ContributionsPage = lazyRouteComponent(
  () => import('./report/ContributionsPage.tsx'),
  'ContributionsPage',
);
const ContributionRequestPage = lazyRouteComponent(
  () => import('./report/ContributionRequestPage.tsx'),
  'ContributionRequestPage',
);
const PublicContributionPage = lazyRouteComponent(
  () => import('./report/PublicContributionPage.tsx'),
  'PublicContributionPage',
);
const AnnexPage = lazyRouteComponent(() => import('./report/AnnexPage.tsx'), 'AnnexPage');
const HrcTermsPage = lazyRouteComponent(() => import('./hrc/TermsPage.tsx'), 'TermsPage');
const HrcTermPage = lazyRouteComponent(() => import('./hrc/TermPage.tsx'), 'TermPage');
const TokensPage = lazyRouteComponent(() => import('./tokens/TokensPage.tsx'), 'TokensPage');
const TaxonomyPage = lazyRouteComponent(() => import('./taxonomy/TaxonomyPage.tsx'), 'TaxonomyPage');
const ImportSuggestionsPage = lazyRouteComponent(
  () => import('./suggestions/ImportSuggestionsPage.tsx'),
  'ImportSuggestionsPage',
);
const RecommendationPage = lazyRouteComponent(
  () => import('./recommendations/RecommendationPage.tsx'),
  'RecommendationPage',
);
const RecommendationsPage = lazyRouteComponent(
  () => import('./recommendations/RecommendationsPage.tsx'),
  'RecommendationsPage',
);
const LettersPage = lazyRouteComponent(() => import('./letters/LettersPage.tsx'), 'LettersPage');
const LetterPage = lazyRouteComponent(() => import('./letters/LetterPage.tsx'), 'LetterPage');
const WooPage = lazyRouteComponent(() => import('./letters/WooPage.tsx'), 'WooPage');
const PublicLettersPage = lazyRouteComponent(
  () => import('./letters/PublicLettersPage.tsx'),
  'PublicLettersPage',
);
const PublicLetterPage = lazyRouteComponent(
  () => import('./letters/PublicLettersPage.tsx'),
  'PublicLetterPage',
);
const StateReportsPage = lazyRouteComponent(
  () => import('./state-report/StateReportsPage.tsx'),
  'StateReportsPage',
);
const StateReportPage = lazyRouteComponent(
  () => import('./state-report/StateReportPage.tsx'),
  'StateReportPage',
);
const StateReportSectionPage = lazyRouteComponent(
  () => import('./state-report/SectionPage.tsx'),
  'SectionPage',
);
const StateReportRequestsPage = lazyRouteComponent(
  () => import('./state-report/RequestsPage.tsx'),
  'RequestsPage',
);
const StateReportRequestPage = lazyRouteComponent(
  () => import('./state-report/RequestPage.tsx'),
  'RequestPage',
);

declare module '@tanstack/history' {
  interface HistoryState {
    /** What a form that navigated here did ("Your password has been changed."), shown on arrival. */
    notice?: string;
  }
}

type Validators = typeof searchValidators;
let validators: Validators | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the search validation (the server's zod query schemas, and zod) once; the router then validates
 * the current URL again. main.tsx waits for it when the first URL has search params, and asks for it
 * when the browser is idle after the first page.
 */
export function loadSearchValidation(): Promise<void> {
  loading ??= import('./route-search.ts').then((m) => {
    validators = m.searchValidators;
    if (router.state.location.searchStr !== '') void router.invalidate();
  });
  return loading;
}

/**
 * A route's `validateSearch`: the server's query schema. Until the validation is loaded (only in the moment
 * after the first page, which had no search params) the search is empty, as an empty URL search validates.
 */
function searchOf<K extends keyof Validators>(key: K) {
  return (raw: Record<string, unknown>): ReturnType<Validators[K]> => {
    if (validators) return validators[key](raw) as ReturnType<Validators[K]>;
    void loadSearchValidation();
    return {} as ReturnType<Validators[K]>;
  };
}

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });

/** A route of the app: its path and page; the URL search params, where it has them, by the API's schema. */
const page = <P extends string>(path: P, component: RouteComponent) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({
    redirect: typeof s.redirect === 'string' && s.redirect !== '' ? s.redirect : undefined,
  }),
  component: LoginPage,
});

const organisationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations',
  validateSearch: searchOf('organisations'),
  component: OrganisationsPage,
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: searchOf('audit'),
  component: AuditPage,
});

const deadlinesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deadlines',
  validateSearch: searchOf('deadlines'),
  component: DeadlinesPage,
});

const timelineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/timeline',
  validateSearch: searchOf('timeline'),
  component: TimelinePage,
});

const recommendationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/recommendations',
  validateSearch: searchOf('recommendations'),
  component: RecommendationsPage,
});

const taxonomyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/taxonomy',
  validateSearch: searchOf('taxonomy'),
  component: TaxonomyPage,
});

const worklistRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/worklist',
  validateSearch: validateWorklistSearch,
  component: WorklistPage,
});

const dashboardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboards',
  validateSearch: validateDashboardSearch,
  component: DashboardPage,
});

const clustersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/clusters',
  validateSearch: validateClustersSearch,
  component: ClustersPage,
});

const actionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/actions',
  validateSearch: validateActionsSearch,
  component: ActionsPage,
});

const commitmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/commitments',
  validateSearch: validateCommitmentsSearch,
  component: CommitmentsPage,
});

const frameworkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/resultatenkader',
  validateSearch: validateFrameworkSearch,
  component: FrameworkPage,
});

const annexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapportage/financien',
  validateSearch: validateAnnexSearch,
  component: AnnexPage,
});

const contributionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapportage/bijdragen',
  validateSearch: validateFrameworkSearch,
  component: ContributionsPage,
});

const lettersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/brieven',
  validateSearch: validateLettersSearch,
  component: LettersPage,
});

const stateReportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/statenrapporten',
  validateSearch: validateStateReportsSearch,
  component: StateReportsPage,
});

const routeTree = rootRoute.addChildren([
  page('/', OverviewPage),
  loginRoute,
  page('/password', PasswordPage),
  page('/instruments/$id', InstrumentPage),
  timelineRoute,
  deadlinesRoute,
  organisationsRoute,
  page('/users', UsersPage),
  auditRoute,
  page('/outbox', OutboxPage),
  page('/letter-sender', LetterSenderPage),
  page('/notifications', NotificationsPage),
  page('/consultations', ConsultationsPage),
  page('/consultations/$id', ConsultationPage),
  page('/consultations/$id/moderation', ConsultationModerationPage),
  recommendationsRoute,
  page('/recommendations/$id', RecommendationPage),
  page('/imports', ImportPage),
  page('/suggesties/$importId', ImportSuggestionsPage),
  taxonomyRoute,
  page('/process', ProcessTemplatesPage),
  page('/tasks', TasksPage),
  worklistRoute,
  dashboardsRoute,
  clustersRoute,
  page('/clusters/$id', ClusterPage),
  actionsRoute,
  page('/actions/$id', ActionPage),
  commitmentsRoute,
  page('/commitments/$id', CommitmentPage),
  frameworkRoute,
  contributionsRoute,
  page('/rapportage/bijdragen/$id', ContributionRequestPage),
  page('/bijdrage/$secret', PublicContributionPage),
  annexRoute,
  page('/mensenrechtenraad', HrcTermsPage),
  page('/mensenrechtenraad/$id', HrcTermPage),
  page('/toegangstokens', TokensPage),
  page('/meetings', MeetingsPage),
  page('/meetings/$id', MeetingPage),
  lettersRoute,
  page('/brieven/$id', LetterPage),
  page('/brieven/$id/woo', WooPage),
  page('/openbare-documenten', PublicLettersPage),
  page('/openbare-documenten/$id', PublicLetterPage),
  stateReportsRoute,
  page('/statenrapporten/$id', StateReportPage),
  page('/statenrapporten/$id/secties/$sectionId', StateReportSectionPage),
  page('/bijdrageverzoeken', StateReportRequestsPage),
  page('/bijdrageverzoeken/$requestId', StateReportRequestPage),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
