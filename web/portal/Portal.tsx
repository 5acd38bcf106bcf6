import type { MouseEvent } from 'react';
import { useContext, useState } from 'react';
import { ARTICLE_KINDS, type ArticleKind } from '../../domain/articles.js';
import type { PublicArticle, PublicPortal } from '../../domain/schemas/article.js';
import { PortalLang, usePortalLang, } from './portalLang.js';
import { useJson, usePath } from './usePath.js';

type Portal = PublicPortal['data'];

/** The public portal: the home page, or one article at /public/articles/:id. */
export function Portal() {
  const lang = usePortalLang();
  return (
    <PortalLang.Provider value={lang}>
      <Page />
    </PortalLang.Provider>
  );
}

function Page() {
  const { t, toggle } = useTr();
  const [path, go] = usePath();
  const follow = (to: string) => (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    go(to);
  };
  const article = /^\/public\/articles\/([0-9a-f-]{36})\/?$/.exec(path)?.[1];
  return (
    <div className="page">
      <header className="masthead">
        <a href="/public" onClick={follow('/public')} className="brand">
          {t('portal.brand')}
        </a>
        <nav>
          <a href="/public#news" onClick={article ? follow('/public') : undefined}>{t('portal.nav.news')}</a>
          <a href="/public#progress" onClick={article ? follow('/public') : undefined}>{t('portal.nav.progress')}</a>
          <a href="/public#rankings" onClick={article ? follow('/public') : undefined}>{t('portal.nav.rankings')}</a>
          <a href="/public/complaint">{t('portal.nav.complaint')}</a>
          <button type="button" className="lang" onClick={toggle} data-testid="portal-lang">
            {t('portal.switch')}
          </button>
        </nav>
      </header>
      <main>{article ? <ArticlePage id={article} follow={follow} /> : <Home follow={follow} />}</main>
      <footer className="foot">{t('portal.foot')}</footer>
    </div>
  );
}

type Follow = (to: string) => (e: MouseEvent) => void;

const useTr = () => useContext(PortalLang);

function Home({ follow }: { follow: Follow }) {
  const { t, day } = useTr();
  const { data, failed } = useJson<Portal>('/api/public/portal');
  const [kind, setKind] = useState<ArticleKind | null>(null);
  if (failed) return <p className="note">{t('portal.failed')}</p>;
  if (!data) return <p className="note">{t('portal.loading')}</p>;
  const shown = data.articles.filter((a) => !kind || a.kind === kind);
  return (
    <>
      <h1 className="title">{t('portal.title', { district: data.district })}</h1>
      <section id="news" aria-labelledby="news-h">
        <h2 id="news-h">{t('portal.news')}</h2>
        <div className="chips" role="group" aria-label={t('portal.kinds')}>
          <button type="button" aria-pressed={!kind} onClick={() => setKind(null)}>
            {t('portal.all')}
          </button>
          {ARTICLE_KINDS.map((k) => (
            <button type="button" key={k} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`portal.kind.${k}`)}
            </button>
          ))}
        </div>
        {shown.length ? (
          <ul className="articles">
            {shown.map((a) => (
              <li key={a.id}>
                <a href={`/public/articles/${a.id}`} onClick={follow(`/public/articles/${a.id}`)}>
                  <span className={`kind kind-${a.kind}`}>{t(`portal.kind.${a.kind}`)}</span>
                  <strong>{a.title}</strong>
                  {a.excerpt && <span className="excerpt">{a.excerpt}</span>}
                  <time dateTime={a.publishedAt}>{day(a.publishedAt)}</time>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('portal.noArticles', { kind: kind ? t(`portal.kind.${kind}`) : t('portal.articles') })}</p>
        )}
      </section>
      <section id="progress" aria-labelledby="progress-h">
        <h2 id="progress-h">{t('portal.progress')}</h2>
        {data.areas.length ? (
          <ul className="areas">
            {data.areas.map((a) => (
              <AreaBar key={a.name} area={a} />
            ))}
          </ul>
        ) : (
          <p className="empty">{t('portal.noProgress')}</p>
        )}
        <p className="legend">
          {(['done', 'green', 'yellow', 'red', 'idle'] as const).map((k) => (
            <span key={k}>
              <i className={`sw ${k}`} />
              {t(`portal.light.${k}`)}{' '}
            </span>
          ))}
        </p>
      </section>
      <Rankings rankings={data.rankings} />
      <section id="complaint" className="complaint">
        <h2>{t('portal.complaintTitle')}</h2>
        <p>{t('portal.complaintText')}</p>
        <a className="button" href={data.complaintPath}>
          {t('portal.complaintGo')}
        </a>
      </section>
    </>
  );
}

function AreaBar({ area }: { area: Portal['areas'][number] }) {
  const { t } = useTr();
  const parts = [
    ['done', area.done],
    ['green', area.green],
    ['yellow', area.yellow],
    ['red', area.red],
    ['idle', area.notStarted],
  ] as const;
  const total = Math.max(area.total, 1);
  return (
    <li>
      <div className="area-head">
        <span>{area.name}</span>
        <span className="count">{t('portal.items', { n: area.total })}</span>
      </div>
      <div className="bar" role="img" aria-label={t('portal.bar', { done: area.done, green: area.green, yellow: area.yellow, red: area.red, idle: area.notStarted })}>
        {parts.map(([k, n]) => (n ? <span key={k} className={`seg ${k}`} style={{ width: `${(n / total) * 100}%` }} /> : null))}
      </div>
    </li>
  );
}

/**
 * 考核排名: the published rankings (the assessment's published results). Until one is published the
 * section says so (暂无已发布的考核排名).
 */
function Rankings({ rankings }: { rankings: Portal['rankings'] }) {
  const { t, words } = useTr();
  return (
    <section id="rankings" aria-labelledby="rankings-h" data-slot="rankings">
      <h2 id="rankings-h">{t('portal.rankings')}</h2>
      {rankings.length ? (
        rankings.map((r) => (
          <div className="ranking" key={`${r.scheme}|${r.category}|${r.period}`}>
            <h3>
              {r.scheme}
              <small>
                {words(r.category, 'category')} · {words(r.period, 'period')}
              </small>
            </h3>
            <ol>
              {r.rows.map((x) => (
                <li key={`${x.rank}|${x.unit}`} className={x.mark ?? undefined}>
                  <span className="rank">{x.rank}</span>
                  <span className="unit">{x.unit}</span>
                  <span className="score">{x.score}</span>
                  <span className="grade">{words(x.grade, 'grade')}</span>
                  {x.mark && <span className={`mark ${x.mark}`}>{t(x.mark === 'red' ? 'portal.red' : 'portal.black')}</span>}
                </li>
              ))}
            </ol>
          </div>
        ))
      ) : (
        <p className="empty">{t('portal.noRankings')}</p>
      )}
    </section>
  );
}

function ArticlePage({ id, follow }: { id: string; follow: Follow }) {
  const { t, day } = useTr();
  const { data, missing, failed } = useJson<PublicArticle>(`/api/public/articles/${id}`);
  if (missing)
    return (
      <p className="note">
        {t('portal.missing')}
        <a href="/public" onClick={follow('/public')}>
          {t('portal.home')}
        </a>
      </p>
    );
  if (failed) return <p className="note">{t('portal.failed')}</p>;
  if (!data) return <p className="note">{t('portal.loading')}</p>;
  return (
    <article className="article">
      <a className="back" href="/public" onClick={follow('/public')}>
        {t('portal.back')}
      </a>
      <p className="meta">
        <span className={`kind kind-${data.kind}`}>{t(`portal.kind.${data.kind}`)}</span>
        {data.issueNumber && <span>{data.issueNumber}</span>}
        <time dateTime={data.publishedAt}>{day(data.publishedAt)}</time>
      </p>
      <h1>{data.title}</h1>
      {/* Sanitised by the server to an allow-list on save and again as it is sent (server/publicity/sanitizeHtml.ts). */}
      <div className="body" dangerouslySetInnerHTML={{ __html: data.content }} />
    </article>
  );
}
