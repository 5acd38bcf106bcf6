import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Light } from '../../../domain/lights.js';
import { getDashboard } from '../../api/dashboard.js';
import { listProjects, listTasks } from '../../api/planning.js';
import { qk } from '../../api/queryKeys.js';
import { LIGHT_DOT } from '../../components/LightTag.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { lightsText } from '../feed/FeedLights.js';
import { useFeed } from '../feed/useFeed.js';

const BG = '#0b1730';
const PANEL: CSSProperties = { background: '#12224a', border: '1px solid #1f3a78', borderRadius: 8, padding: 16, overflow: 'hidden', minHeight: 0 };
const TITLE: CSSProperties = { color: '#8fb3ff', fontSize: 22, fontWeight: 600, marginBottom: 10 };
const ORDER: readonly Light[] = ['red', 'yellow', 'green', 'done', 'not_started'];

function Panel({ title, children, style, testId }: { title: string; children: ReactNode; style?: CSSProperties; testId?: string }) {
  return (
    <div style={{ ...PANEL, display: 'flex', flexDirection: 'column', ...style }} data-testid={testId}>
      <div style={TITLE}>{title}</div>
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>{children}</div>
    </div>
  );
}

/** A big number with its label, coloured as the light it counts. */
function Figure({ label, value, color = '#ffffff', testId }: { label: string; value: ReactNode; color?: string; testId?: string }) {
  return (
    <div style={{ textAlign: 'center', minWidth: 0 }}>
      <div style={{ color, fontSize: 44, fontWeight: 700, lineHeight: 1.1 }} data-testid={testId}>
        {value}
      </div>
      <div style={{ color: '#b8c7e6', fontSize: 18 }}>{label}</div>
    </div>
  );
}

/** The time, kept running on the screen. */
function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  return <span>{formatDateTime(now.toISOString())}</span>;
}

/**
 * 大屏 (1920×1080, readable across a room, no scroll bars): the dashboard's key figures, the areas
 * and task forces as tiles coloured by their worst light, the live feed, and the red items rolling
 * by. The feed keeps it current: every event it brings refreshes the figures and the red items.
 */
export function ScreenPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const dash = useQuery({ queryKey: qk.dashboard('month'), queryFn: () => getDashboard('month'), refetchInterval: 5 * 60_000 });
  const redTasks = useQuery({ queryKey: qk.tasks.list({ light: 'red', screen: true }), queryFn: () => listTasks({ light: 'red', page: 1, perPage: 50 }) });
  const redProjects = useQuery({ queryKey: qk.projects.list({ light: 'red', screen: true }), queryFn: () => listProjects({ light: 'red', page: 1, perPage: 50 }) });
  const { events, connection, pages } = useFeed({}, 14);
  const newest = events[0]?.id;
  useEffect(() => {
    if (newest === undefined) return;
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
    void qc.invalidateQueries({ queryKey: qk.tasks.list({ light: 'red', screen: true }) });
    void qc.invalidateQueries({ queryKey: qk.projects.list({ light: 'red', screen: true }) });
  }, [newest]);

  const d = dash.data?.data;
  const lights = d ? ORDER.slice(0, 3).map((l) => [l, d.lights.task[l] + d.lights.target[l] + d.lights.project[l]] as const) : [];
  const unresolved = d?.blockers.unresolved.reduce((n, c) => n + c.n, 0) ?? 0;
  const overdue = d ? d.overdue.task + d.overdue.target + d.overdue.project : 0;
  const invested = d && Number(d.investment.planned) > 0 ? ((Number(d.investment.done) / Number(d.investment.planned)) * 100).toFixed(1) : '—';
  const reds = [
    ...(redTasks.data?.data ?? []).map((x) => ({ key: `t${x.id}`, code: x.code, title: x.title, why: x.lightReasons[0]?.text ?? '' })),
    ...(redProjects.data?.data ?? []).map((x) => ({ key: `p${x.id}`, code: x.code, title: x.name, why: x.lightReasons[0]?.text ?? '' })),
  ];
  const tile = (r: NonNullable<typeof d>['byArea'][number]) => (
    <div key={r.id} style={{ border: `2px solid ${LIGHT_DOT[r.light]}`, borderRadius: 6, padding: '8px 10px', minWidth: 0 }} data-testid="screen-tile">
      <div style={{ color: '#fff', fontSize: 20, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{r.name}</div>
      <div style={{ display: 'flex', gap: 10, fontSize: 20 }}>
        {ORDER.slice(0, 3).map((l) => (
          <span key={l} style={{ color: LIGHT_DOT[l] }}>
            ● {r.counts[l]}
          </span>
        ))}
      </div>
    </div>
  );

  return (
    <div
      style={{ width: '100vw', height: '100vh', overflow: 'hidden', background: BG, color: '#fff', display: 'grid', gridTemplateRows: '72px 150px 1fr 230px', gap: 14, padding: 18, boxSizing: 'border-box' }}
      data-testid="screen"
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 34, fontWeight: 700, letterSpacing: 2 }}>
        <span>{t('home.program')}</span>
        <span style={{ fontSize: 24, fontWeight: 400, color: '#b8c7e6' }}>
          <Clock /> · <span data-testid="screen-connection" data-state={connection}>{t(`feed.${connection}`)}</span>
        </span>
      </div>
      <div style={{ ...PANEL, display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', alignItems: 'center' }} data-testid="screen-figures">
        {lights.map(([l, n]) => (
          <Figure key={l} label={t(`light.${l}`)} value={n} color={LIGHT_DOT[l]} />
        ))}
        <Figure label={t('screen.blockers')} value={unresolved} color="#ffa940" testId="screen-blockers" />
        <Figure label={t('screen.overdue')} value={overdue} color="#ff4d4f" />
        <Figure label={t('screen.firstYear')} value={d ? `${d.targets.firstYear.met}/${d.targets.firstYear.met + d.targets.firstYear.missed + d.targets.firstYear.unknown}` : '—'} />
        <Figure label={t('screen.investment')} value={`${invested}%`} />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1.2fr', gap: 14, minHeight: 0 }}>
        <Panel title={t('dashboard.byArea')}>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>{(d?.byArea ?? []).map(tile)}</div>
        </Panel>
        <Panel title={t('dashboard.byTaskForce')}>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>{(d?.byTaskForce ?? []).map(tile)}</div>
        </Panel>
        <Panel title={t('menu.feed')} testId="screen-feed">
          {/* A fresh district has no steps yet: say so rather than leave a dark hole on the wall. */}
          {pages.isSuccess && events.length === 0 && (
            <div style={{ fontSize: 19, color: '#8c8c8c' }} data-testid="screen-feed-empty">
              {t('feed.empty')}
            </div>
          )}
          {events.slice(0, 14).map((e) => (
            <div key={e.id} style={{ fontSize: 19, lineHeight: 1.5, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="screen-feed-row">
              <span style={{ color: '#8fb3ff' }}>{formatDateTime(e.at).slice(11, 16)}</span> {e.sentence}
              {e.lights && <span style={{ color: '#b8c7e6' }}> · {lightsText(t, e.lights)}</span>}
            </div>
          ))}
        </Panel>
      </div>
      <Panel title={`${t('screen.redItems')} · ${reds.length}`} testId="screen-red">
        <div className="screen-roll" style={{ animation: reds.length > 6 ? `screen-roll ${reds.length * 3}s linear infinite` : undefined }}>
          {[...reds, ...(reds.length > 6 ? reds : [])].map((r, i) => (
            <div key={`${r.key}-${i}`} style={{ fontSize: 20, lineHeight: 1.6, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              <span style={{ color: LIGHT_DOT.red }}>●</span> {r.code} {r.title} <span style={{ color: '#b8c7e6' }}>{r.why}</span>
            </div>
          ))}
        </div>
        <style>{'@keyframes screen-roll { from { transform: translateY(0) } to { transform: translateY(-50%) } } @media (prefers-reduced-motion: reduce) { .screen-roll { animation: none !important } }'}</style>
      </Panel>
    </div>
  );
}
