import type { ArticleStatus } from '../../domain/articles.js';
import type { Role } from '../../domain/enums.js';
import { ARTICLE_ACTIONS, ARTICLE_REVIEWERS, articleFlow, type ArticleAction } from '../../domain/workflows/article.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep, stepRules } from './policy.js';

export interface ArticleSubject {
  status: ArticleStatus;
  authorId: string | null;
}

/** Who reads every article, whatever its state: the publicity office and its reviewers. */
export const ARTICLE_READERS: readonly Role[] = ['publicist', ...ARTICLE_REVIEWERS];

const writes = (a: Actor | null) => hasRole(a, 'publicist');
const flowStep = mayStep<ArticleStatus, ArticleAction, ArticleSubject>(articleFlow, (a, _s, role) => hasRole(a, role));
/** The flow's roles, and nobody approves what they wrote, whatever roles they hold. */
const mayArticleStep = (a: Actor | null, s: ArticleSubject, action: ArticleAction) => flowStep(a, s, action) && !(action === 'approve' && s.authorId !== null && s.authorId === a?.userId);

/**
 * 宣传 articles: the publicist writes drafts (and generates 简报), submits them for review; the HQ
 * office or a leader publishes or returns them; a published article is withdrawn by either side.
 * Everyone else reads published articles on the public portal, never here.
 */
export const articlePolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...ARTICLE_READERS),
    create: writes,
    update: writes,
    upload: writes,
    ...(Object.fromEntries(ARTICLE_ACTIONS.map((action) => [action, (a: Actor | null) => hasRole(a, ...flowRoles(articleFlow, action))])) as Record<ArticleAction, (a: Actor | null) => boolean>),
  },
  row: {
    read: (a: Actor | null) => hasRole(a, ...ARTICLE_READERS),
    update: (a: Actor | null, s: ArticleSubject) => writes(a) && s.status === 'draft',
    ...stepRules(ARTICLE_ACTIONS, mayArticleStep),
  },
});
