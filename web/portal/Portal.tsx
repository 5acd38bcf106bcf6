import type { MouseEvent } from 'react';
import { useState } from 'react';
import { ARTICLE_KIND_LABELS, ARTICLE_KINDS, type ArticleKind } from '../../domain/articles.js';
import type { PublicArticle, PublicPortal } from '../../domain/schemas/article.js';
import { useJson, usePath } from './usePath.js';

type Portal = PublicPortal['data'];
const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** The public portal: the home page, or one article at /public/articles/:id. */
export function Portal() {
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
          推进工作公开
        </a>
        <nav>
          <a href="/public#news" onClick={article ? follow('/public') : undefined}>动态</a>
          <a href="/public#progress" onClick={article ? follow('/public') : undefined}>进展</a>
          <a href="/public#rankings" onClick={article ? follow('/public') : undefined}>排名</a>
          <a href="/public/complaint">投诉</a>
        </nav>
      </header>
      <main>{article ? <ArticlePage id={article} follow={follow} /> : <Home follow={follow} />}</main>
      <footer className="foot">本页仅公开已发布的信息与汇总数据。</footer>
    </div>
  );
}

type Follow = (to: string) => (e: MouseEvent) => void;

function Home({ follow }: { follow: Follow }) {
  const { data, failed } = useJson<Portal>('/api/public/portal');
  const [kind, setKind] = useState<ArticleKind | null>(null);
  if (failed) return <p className="note">暂时无法加载，请稍后刷新。</p>;
  if (!data) return <p className="note">正在加载…</p>;
  const shown = data.articles.filter((a) => !kind || a.kind === kind);
  return (
    <>
      <h1 className="title">{data.district}推进工作公开</h1>
      <section id="news" aria-labelledby="news-h">
        <h2 id="news-h">工作动态</h2>
        <div className="chips" role="group" aria-label="稿件类型">
          <button type="button" aria-pressed={!kind} onClick={() => setKind(null)}>全部</button>
          {ARTICLE_KINDS.map((k) => (
            <button type="button" key={k} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {ARTICLE_KIND_LABELS[k]}
            </button>
          ))}
        </div>
        {shown.length ? (
          <ul className="articles">
            {shown.map((a) => (
              <li key={a.id}>
                <a href={`/public/articles/${a.id}`} onClick={follow(`/public/articles/${a.id}`)}>
                  <span className={`kind kind-${a.kind}`}>{ARTICLE_KIND_LABELS[a.kind]}</span>
                  <strong>{a.title}</strong>
                  {a.excerpt && <span className="excerpt">{a.excerpt}</span>}
                  <time dateTime={a.publishedAt}>{day(a.publishedAt)}</time>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">暂无已发布的{kind ? ARTICLE_KIND_LABELS[kind] : '稿件'}</p>
        )}
      </section>
      <section id="progress" aria-labelledby="progress-h">
        <h2 id="progress-h">各领域推进情况</h2>
        {data.areas.length ? (
          <ul className="areas">
            {data.areas.map((a) => (
              <AreaBar key={a.name} area={a} />
            ))}
          </ul>
        ) : (
          <p className="empty">暂无推进数据</p>
        )}
        <p className="legend">
          <i className="sw done" />已完成 <i className="sw green" />正常推进 <i className="sw yellow" />需关注 <i className="sw red" />滞后 <i className="sw idle" />未开始
        </p>
      </section>
      <Rankings rankings={data.rankings} />
      <section id="complaint" className="complaint">
        <h2>营商环境投诉</h2>
        <p>企业和群众反映营商环境问题，可在线提交并凭查询码跟踪办理情况。</p>
        <a className="button" href={data.complaintPath}>我要投诉</a>
      </section>
    </>
  );
}

function AreaBar({ area }: { area: Portal['areas'][number] }) {
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
        <span className="count">{area.total}项</span>
      </div>
      <div className="bar" role="img" aria-label={`已完成${area.done}项，正常推进${area.green}项，需关注${area.yellow}项，滞后${area.red}项，未开始${area.notStarted}项`}>
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
  return (
    <section id="rankings" aria-labelledby="rankings-h" data-slot="rankings">
      <h2 id="rankings-h">考核排名</h2>
      {rankings.length ? (
        rankings.map((r) => (
          <div className="ranking" key={`${r.scheme}|${r.category}|${r.period}`}>
            <h3>
              {r.scheme}
              <small>
                {r.category} · {r.period}
              </small>
            </h3>
            <ol>
              {r.rows.map((x) => (
                <li key={`${x.rank}|${x.unit}`} className={x.mark ?? undefined}>
                  <span className="rank">{x.rank}</span>
                  <span className="unit">{x.unit}</span>
                  <span className="score">{x.score}</span>
                  <span className="grade">{x.grade}</span>
                  {x.mark && <span className={`mark ${x.mark}`}>{x.mark === 'red' ? '红榜' : '黑榜'}</span>}
                </li>
              ))}
            </ol>
          </div>
        ))
      ) : (
        <p className="empty">暂无已发布的考核排名</p>
      )}
    </section>
  );
}

function ArticlePage({ id, follow }: { id: string; follow: Follow }) {
  const { data, missing, failed } = useJson<PublicArticle>(`/api/public/articles/${id}`);
  if (missing)
    return (
      <p className="note">
        该稿件不存在或已撤回。<a href="/public" onClick={follow('/public')}>返回首页</a>
      </p>
    );
  if (failed) return <p className="note">暂时无法加载，请稍后刷新。</p>;
  if (!data) return <p className="note">正在加载…</p>;
  return (
    <article className="article">
      <a className="back" href="/public" onClick={follow('/public')}>
        ‹ 返回
      </a>
      <p className="meta">
        <span className={`kind kind-${data.kind}`}>{ARTICLE_KIND_LABELS[data.kind]}</span>
        {data.issueNumber && <span>{data.issueNumber}</span>}
        <time dateTime={data.publishedAt}>{day(data.publishedAt)}</time>
      </p>
      <h1>{data.title}</h1>
      {/* Sanitised by the server to an allow-list on save and again as it is sent (server/publicity/sanitizeHtml.ts). */}
      <div className="body" dangerouslySetInnerHTML={{ __html: data.content }} />
    </article>
  );
}
