import { lazy, Suspense, useLayoutEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { dropSnapshot } from './offline/dropSnapshot.js';
import { SNAPSHOT_PATHS } from './sw/swRules.js';
import { FullPageSpin } from './components/FullPageSpin.js';
import { NAV, type NavId } from './nav.js';
import { queryClient } from './api/queryClient.js';
import { qk } from './api/queryKeys.js';
import { unitWorkbench } from './api/reporting.js';
import { meQuery } from './auth/useMe.js';
import { unitsActedFor } from './auth/actsFor.js';
import type { Me } from './api/types.js';

const loaders = new Map<LazyExoticComponent<ComponentType>, () => Promise<unknown>>();

/** React.lazy for a named export: each page is its own chunk, so the login page loads little. */
function page<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType> {
  const c = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  loaders.set(c, load);
  return c;
}

const LoginPage = page(() => import('./pages/auth/LoginPage.js'), 'LoginPage');
const TotpVerifyPage = page(() => import('./pages/auth/TotpVerifyPage.js'), 'TotpVerifyPage');
const ChangePasswordPage = page(() => import('./pages/auth/ChangePasswordPage.js'), 'ChangePasswordPage');
const TotpEnrolPage = page(() => import('./pages/auth/TotpEnrolPage.js'), 'TotpEnrolPage');
const AppShell = page(() => import('./components/AppShell.js'), 'AppShell');
const NotFound = page(() => import('./components/NotFound.js'), 'NotFound');
const ScreenShell = page(() => import('./pages/screen/ScreenShell.js'), 'ScreenShell');
const PublicComplaintPage = page(() => import('./pages/complaints/PublicComplaintPage.js'), 'PublicComplaintPage');
const ComplaintStatusPage = page(() => import('./pages/complaints/ComplaintStatusPage.js'), 'ComplaintStatusPage');

const PAGES: Record<NavId, LazyExoticComponent<ComponentType>> = {
  home: page(() => import('./pages/home/HomePage.js'), 'HomePage'),
  inbox: page(() => import('./pages/inbox/InboxPage.js'), 'InboxPage'),
  reminderSettings: page(() => import('./pages/inbox/ReminderSettingsPage.js'), 'ReminderSettingsPage'),
  myWork: page(() => import('./pages/work/UnitWorkbenchPage.js'), 'UnitWorkbenchPage'),
  review: page(() => import('./pages/work/ReviewQueuePage.js'), 'ReviewQueuePage'),
  hqDesk: page(() => import('./pages/work/HqDeskPage.js'), 'HqDeskPage'),
  dashboard: page(() => import('./pages/dashboard/DashboardPage.js'), 'DashboardPage'),
  dispatches: page(() => import('./pages/dispatch/DispatchesPage.js'), 'DispatchesPage'),
  meetings: page(() => import('./pages/meetings/MeetingsPage.js'), 'MeetingsPage'),
  directives: page(() => import('./pages/directives/DirectivesPage.js'), 'DirectivesPage'),
  fieldVisits: page(() => import('./pages/fieldVisits/FieldVisitsPage.js'), 'FieldVisitsPage'),
  ledger: page(() => import('./pages/ledger/LedgerListPage.js'), 'LedgerListPage'),
  rectifications: page(() => import('./pages/ledger/LedgerListPage.js'), 'RectificationsPage'),
  inspections: page(() => import('./pages/ledger/InspectionsPage.js'), 'InspectionsPage'),
  oversight: page(() => import('./pages/oversight/CaseListPage.js'), 'CaseListPage'),
  oversightWatch: page(() => import('./pages/oversight/WatchPage.js'), 'WatchPage'),
  responseRequests: page(() => import('./pages/promises/ResponseRequestsPage.js'), 'ResponseRequestsPage'),
  promises: page(() => import('./pages/promises/PromiseLedgerPage.js'), 'PromiseLedgerPage'),
  bulletins: page(() => import('./pages/bulletins/BulletinsPage.js'), 'BulletinsPage'),
  notices: page(() => import('./pages/bulletins/NoticesPage.js'), 'NoticesPage'),
  articles: page(() => import('./pages/articles/ArticlesPage.js'), 'ArticlesPage'),
  articleReview: page(() => import('./pages/articles/ArticlesPage.js'), 'ArticleReviewPage'),
  assessments: page(() => import('./pages/assessments/AssessmentsPage.js'), 'AssessmentsPage'),
  assessmentAppeals: page(() => import('./pages/assessments/AppealsPage.js'), 'AppealsPage'),
  myAssessments: page(() => import('./pages/assessments/MyResultsPage.js'), 'MyResultsPage'),
  overview: page(() => import('./pages/overview/OverviewPage.js'), 'OverviewPage'),
  blockers: page(() => import('./pages/reports/BlockersPage.js'), 'BlockersPage'),
  feed: page(() => import('./pages/feed/FeedPage.js'), 'FeedPage'),
  plans: page(() => import('./pages/plans/PlansPage.js'), 'PlansPage'),
  taskImport: page(() => import('./pages/imports/TaskImportPage.js'), 'TaskImportPage'),
  tasks: page(() => import('./pages/items/TaskListPage.js'), 'TaskListPage'),
  targets: page(() => import('./pages/items/TargetListPage.js'), 'TargetListPage'),
  projects: page(() => import('./pages/items/ProjectListPage.js'), 'ProjectListPage'),
  org: page(() => import('./pages/org/OrgStructurePage.js'), 'OrgStructurePage'),
  regions: page(() => import('./pages/admin/RegionsPage.js'), 'RegionsPage'),
  units: page(() => import('./pages/admin/UnitsPage.js'), 'UnitsPage'),
  bodies: page(() => import('./pages/admin/BodiesPage.js'), 'BodiesPage'),
  users: page(() => import('./pages/admin/UsersPage.js'), 'UsersPage'),
  securityUsers: page(() => import('./pages/admin/UsersPage.js'), 'UsersPage'),
  import: page(() => import('./pages/admin/UserImportPage.js'), 'UserImportPage'),
  calendar: page(() => import('./pages/admin/CalendarPage.js'), 'CalendarPage'),
  securityPolicy: page(() => import('./pages/security/SecurityPolicyPage.js'), 'SecurityPolicyPage'),
  audit: page(() => import('./pages/audit/AuditLogPage.js'), 'AuditLogPage'),
};

/** Pages reached from lists and workbenches, not from the menu; the server decides what each user may read. */
const DETAIL_PAGES: [string, LazyExoticComponent<ComponentType>][] = [
  ['/app', page(() => import('./pages/home/AppStart.js'), 'AppStart')],
  ['/plans/:id', page(() => import('./pages/plans/PlanPage.js'), 'PlanPage')],
  ['/tasks/:id', page(() => import('./pages/items/TaskPage.js'), 'TaskPage')],
  ['/targets/:id', page(() => import('./pages/items/TargetPage.js'), 'TargetPage')],
  ['/projects/:id', page(() => import('./pages/items/ProjectPage.js'), 'ProjectPage')],
  ['/reports/new', page(() => import('./pages/reports/NewReportPage.js'), 'NewReportPage')],
  ['/reports/:id', page(() => import('./pages/reports/ReportPage.js'), 'ReportPage')],
  ['/dispatches/:id', page(() => import('./pages/dispatch/DispatchPage.js'), 'DispatchPage')],
  ['/meetings/:id', page(() => import('./pages/meetings/MeetingPage.js'), 'MeetingPage')],
  ['/directives/:id', page(() => import('./pages/directives/DirectivePage.js'), 'DirectivePage')],
  ['/ledger/:id', page(() => import('./pages/ledger/LedgerEntryPage.js'), 'LedgerEntryPage')],
  ['/oversight/cases/:id', page(() => import('./pages/oversight/CasePage.js'), 'CasePage')],
  ['/response-requests/:id', page(() => import('./pages/promises/ResponseRequestPage.js'), 'ResponseRequestPage')],
  ['/bulletins/:id', page(() => import('./pages/bulletins/BulletinPage.js'), 'BulletinPage')],
  ['/articles/:id', page(() => import('./pages/articles/ArticlePage.js'), 'ArticlePage')],
  ['/assessments/results/:id', page(() => import('./pages/assessments/ResultPage.js'), 'ResultPage')],
  ['/assessments/results/:id/units/:unitId', page(() => import('./pages/assessments/BreakdownPage.js'), 'BreakdownPage')],
  ['/field-visits/:id', page(() => import('./pages/fieldVisits/FieldVisitPage.js'), 'FieldVisitPage')],
];

/**
 * The shell and the menu page the address names start loading with the app, side by side, instead
 * of each after the one before (shell, then session, then page): the installed app's first screen,
 * on a slow phone, waited for that chain.
 */
function preloadFirstPage(): void {
  const path = window.location.pathname;
  if (path.startsWith('/login') || path.startsWith('/public') || path === '/screen') return;
  void loaders.get(AppShell)?.().catch(() => undefined);
  const first = NAV.find((i) => i.path === path);
  if (first) void loaders.get(PAGES[first.id])?.().catch(() => undefined);
  readFirstData(first?.id);
}

/**
 * The reads the first screen waits for start with the code, not after it: `me` (the session gate's),
 * and for a unit's workbench its lines, as soon as `me` names the unit (the page's own query then
 * finds them: same keys, same calls). A failed read is left to the page, which shows it as before.
 */
function readFirstData(first: NavId | undefined): void {
  void queryClient.prefetchQuery(meQuery).then(() => {
    const me = queryClient.getQueryData<Me>(qk.me);
    if (first !== 'myWork' || me?.stage !== 'ok') return;
    // The page's first unit (pages/work/myUnits.ts).
    const unit = unitsActedFor(me, 'liaison', 'unit_head')[0];
    if (unit) void queryClient.prefetchQuery({ queryKey: qk.workbench.unit(unit), queryFn: () => unitWorkbench(unit) });
  });
}
preloadFirstPage();

/** The workbench's kept first screen is for the workbench only: the login page or any other page the app goes to removes it. */
function SnapshotOnlyOnWorkbench() {
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    if (!SNAPSHOT_PATHS.includes(pathname)) dropSnapshot();
  }, [pathname]);
  return null;
}

/** Every route of the web app; pages inside the shell are guarded by the roles in NAV. */
export function AppRoutes() {
  return (
    <>
      <SnapshotOnlyOnWorkbench />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/login/verify" element={<TotpVerifyPage />} />
          <Route path="/login/password" element={<ChangePasswordPage />} />
          <Route path="/login/enrol" element={<TotpEnrolPage />} />
          <Route path="/screen" element={<ScreenShell />} />
          {/* 营商环境投诉: public, no login, outside the signed-in layout. */}
          <Route path="/public/complaint" element={<PublicComplaintPage />} />
          <Route path="/public/complaint/:code" element={<ComplaintStatusPage />} />
          <Route element={<AppShell />}>
            {NAV.map((item) => {
              const Page = PAGES[item.id];
              return item.path === '/' ? <Route key={item.id} index element={<Page />} /> : <Route key={item.id} path={item.path} element={<Page />} />;
            })}
            {DETAIL_PAGES.map(([path, Page]) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </>
  );
}
