import type { ArticleStatus } from '../articles.js';
import type { Role } from '../enums.js';
import type { Flow } from './flow.js';

export const ARTICLE_ACTIONS = ['submit', 'approve', 'return', 'withdraw', 'revise'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/** Who reviews an article before it is published: the HQ office (推进办, which speaks for the program) or a leader. */
export const ARTICLE_REVIEWERS: readonly Role[] = ['hq_office', 'leader'];

/**
 * 宣传 articles: the publicist writes and submits; a reviewer publishes or returns it with a reason;
 * a published article is withdrawn from the portal by a reviewer or the publicist, and the publicist
 * may revise a withdrawn one into a draft again.
 */
export const articleFlow: Flow<ArticleStatus, ArticleAction> = {
  draft: { submit: { to: 'review', by: ['publicist'] } },
  review: { approve: { to: 'published', by: ARTICLE_REVIEWERS }, return: { to: 'draft', by: ARTICLE_REVIEWERS } },
  published: { withdraw: { to: 'withdrawn', by: ['publicist', ...ARTICLE_REVIEWERS] } },
  withdrawn: { revise: { to: 'draft', by: ['publicist'] } },
};
