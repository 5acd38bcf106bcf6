import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ItemType } from '../../domain/work.js';

/** A resource's keys: everything under `all`, so one prefix reaches its lists and its records. */
const resource = <N extends string>(name: N) => ({
  all: [name] as const,
  lists: [name, 'list'] as const,
  list: (filter: object) => [name, 'list', filter] as const,
  detail: (id: string) => [name, 'detail', id] as const,
});

/**
 * Every React Query key of the web app. Keys nest (`['tasks', 'list', filter]` under `['tasks']`),
 * so a change invalidates a prefix: what it altered and nothing else.
 */
export const qk = {
  me: ['me'] as const,
  totpSetup: ['totp-setup'] as const,
  tasks: resource('tasks'),
  targets: resource('targets'),
  projects: resource('projects'),
  plans: { ...resource('plans'), options: ['plans', 'options'] as const, versions: (id: string) => ['plans', 'detail', id, 'versions'] as const },
  programs: ['programs'] as const,
  areas: { all: ['areas'] as const, of: (programId: string | undefined) => ['areas', programId] as const },
  lights: { all: ['lights'] as const, rollup: (by: string, item: string | undefined, region?: string) => ['lights', 'rollup', by, item, region] as const },
  history: { all: ['history'] as const, of: (type: ItemType, id: string) => ['history', type, id] as const },
  /** The item a report page heads with (code, title, light). */
  itemHead: { all: ['itemHead'] as const, of: (type: ItemType | undefined, id: string | undefined) => ['itemHead', type, id] as const },
  reports: {
    ...resource('reports'),
    ofItem: (itemId: string) => ['reports', 'item', itemId] as const,
    submitted: (unit: string | undefined) => ['reports', 'submitted', unit] as const,
    /** What the report form shows of its item; it changes when a report is accepted. */
    brief: (type: ItemType | undefined, id: string | undefined) => ['reports', 'brief', type, id] as const,
  },
  blockers: {
    ...resource('blockers'),
    ofItem: (itemId: string) => ['blockers', 'item', itemId] as const,
    open: (level: string) => ['blockers', 'open', level] as const,
  },
  dashboard: (period: string, from?: string, to?: string, region?: string) => ['dashboard', period, from ?? null, to ?? null, region ?? null] as const,
  workbench: {
    all: ['workbench'] as const,
    unit: (unit: string | undefined) => ['workbench', 'unit', unit] as const,
    hq: ['workbench', 'hq'] as const,
    taskForce: ['workbench', 'task-force'] as const,
    leader: ['workbench', 'leader'] as const,
  },
  /** 调度令: the lists, one order with its reply table, and the standing 本期未报送 list. */
  dispatches: { ...resource('dispatches'), unreported: ['dispatches', 'unreported'] as const, instructions: (type: string, id: string) => ['dispatches', 'instructions', type, id] as const },
  /** 会议: the lists by filter and one meeting with its agenda, snapshots and decisions. */
  meetings: resource('meetings'),
  /** 调研督导 and 上级指示: their lists and one record with what each finding or point became. */
  fieldVisits: resource('field-visits'),
  directives: resource('directives'),
  /** 督查: campaigns and the ledger's lists by filter and one entry with its policies. */
  inspections: { ...resource('inspections'), inspectors: ['inspections', 'inspectors'] as const },
  ledger: resource('ledger'),
  /** 监督: the oversight role's cases, its watch by threshold and 遏增清存 by period. */
  oversight: {
    ...resource('oversight'),
    watch: (days: number) => ['oversight', 'watch', days] as const,
    figures: (from: string, to: string) => ['oversight', 'figures', from, to] as const,
    /** The complaint a case came from (营商环境投诉), with its public reply. */
    complaint: (caseId: string) => ['oversight', 'complaint', caseId] as const,
    /** The written responses (书面说明) a case asked for. */
    requests: (caseId: string) => ['oversight', 'requests', caseId] as const,
  },
  /** 书面说明 as the unit meets them, and the 履约践诺 ledger with its counts. */
  responseRequests: resource('response-requests'),
  promises: { ...resource('promises'), summary: (unit?: string) => ['promises', 'summary', unit ?? null] as const },
  /** A public complaint's status by its tracking code (no login). */
  publicComplaint: (code: string) => ['public-complaint', code] as const,
  /** 督查通报 and 催办单/督办单. */
  bulletins: resource('bulletins'),
  /** 宣传 articles (and generated 简报). */
  articles: resource('articles'),
  notices: resource('notices'),
  /** 考核: schemes, results, a unit's own results and appeals. */
  assessments: resource('assessments'),
  /** The inbox (its pages and the bell's count), the HQ office's ladder and delivery log. */
  inbox: { all: ['inbox'] as const, list: (filter: object) => ['inbox', 'list', filter] as const, unread: ['inbox', 'unread'] as const },
  notificationSettings: ['notification-settings'] as const,
  deliveries: { all: ['deliveries'] as const, list: (filter: object) => ['deliveries', 'list', filter] as const },
  regions: { all: ['regions'] as const },
  units: { all: ['units'] as const, list: (filter: object) => ['units', 'list', filter] as const },
  bodies: { all: ['bodies'] as const },
  users: { ...resource('users'), proposals: ['users', 'role-proposals'] as const },
  securityPolicy: ['security-policy'] as const,
  audit: { ...resource('audit'), actors: ['audit', 'actors'] as const },
  /** 工作动态: the pages of one filter; the stream adds to the first. */
  feed: { all: ['feed'] as const, list: (filter: object) => ['feed', 'list', filter] as const },
  calendar: { all: ['calendar-overrides'] as const, year: (year: number) => ['calendar-overrides', year] as const },
};

/** Invalidates each prefix (active queries refetch, the rest on their next use). */
export const invalidate = (qc: QueryClient, ...keys: QueryKey[]) => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey }))).then(() => undefined);

const ITEM_KEYS = { task: qk.tasks.all, target: qk.targets.all, project: qk.projects.all } as const;

/**
 * What an item's change alters: its lists and record, and what derives from them: the lights
 * (overview rollups, a plan's counts), the workbench counts, its history and the report page's head of it.
 */
export const itemChanged = (qc: QueryClient, type: ItemType) =>
  invalidate(qc, ITEM_KEYS[type], qk.lights.all, qk.plans.all, qk.workbench.all, qk.history.all, qk.itemHead.all);

/**
 * What a report's step alters: reports and their blockers, and, once accepted, its item's progress,
 * actuals and light, so every kind of item with what derives from it (the report does not say which).
 */
export const reportChanged = (qc: QueryClient) =>
  invalidate(qc, qk.reports.all, qk.blockers.all, qk.tasks.all, qk.targets.all, qk.projects.all, qk.lights.all, qk.plans.all, qk.workbench.all, qk.history.all, qk.itemHead.all);
