import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ArticleStatus } from '../../../domain/articles.js';
import type { ArticleReturn, ArticleStep } from '../../../domain/schemas/article.js';
import { articleFlow, type ArticleAction } from '../../../domain/workflows/article.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { articleFiles, articles } from '../../db/schema/index.js';
import { briefingDocx, issuerOf } from '../../docx/briefingDocx.js';
import { districtName } from '../../queries/org.js';
import { AppError, forbidden } from '../../errors.js';
import type { ArticleRow } from '../../models/publicity.js';
import { articlePolicy, type ArticleSubject } from '../../policies/article.js';
import { articleScope } from '../../queries/publicity/articles.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';

/** What the article policy's row tier looks at. */
export const articleSubject = (a: ArticleRow): ArticleSubject => ({ status: a.status as ArticleStatus, authorId: a.authorId });

/** Whether a body says anything: text, or an image. */
const isEmpty = (html: string) => !/<img\b/.test(html) && !html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '').length;

const workflow: Workflow<ArticleRow, ArticleStatus, ArticleAction, ArticleSubject, ArticleRow, Tx> = {
  entity: 'article',
  flow: articleFlow,
  done: { submit: 'submitted', approve: 'published', return: 'returned', withdraw: 'withdrawn', revise: 'revised' },
  status: (a) => a.status as ArticleStatus,
  version: (a) => a.version,
  subject: (_tx, a) => articleSubject(a),
  may: (actor, subject, action) => articlePolicy.row[action](actor, subject),
  invalid: (status, action) => new AppError(409, 'article_step_invalid', { status: `@article_status_${status}`, action: `@article_action_${action}` }),
  // An article that says nothing goes to no reviewer, whoever asks.
  stateCheck: (a, action) => (action === 'submit' && isEmpty(a.html) ? new AppError(422, 'article_empty', {}, { content: 'article_empty' }) : undefined),
  refusal: (_tx, _a, s, action) => (action === 'approve' && s.authorId !== null ? new AppError(403, 'article_own_approval') : forbidden()),
  writer: rowWriter(articles, 'article', (_tx, actor) => articleScope(actor)),
};

/** The columns each step stamps besides the state (who reviewed, when it went out and came back). */
function stamps(action: ArticleAction, userId: string, now: Date, reason?: string): Record<string, unknown> {
  switch (action) {
    case 'submit':
      return { submittedAt: now, returnReason: null, updatedAt: now };
    case 'approve':
      return { reviewedById: userId, reviewedAt: now, publishedAt: now, withdrawnAt: null, updatedAt: now };
    case 'return':
      return { reviewedById: userId, reviewedAt: now, returnReason: reason ?? null, updatedAt: now };
    case 'withdraw':
      return { withdrawnAt: now, updatedAt: now };
    case 'revise':
      return { updatedAt: now };
  }
}

/**
 * One step of an article's workflow (submit, approve = publish, return with its reason, withdraw,
 * revise). Publishing freezes the article's .docx: generated once, here, and stored (article_files),
 * its SHA-256 in the audit record, so the document issued stays the one downloaded later.
 */
export function stepArticle(ctx: Ctx, id: string, action: ArticleAction, input: z.infer<typeof ArticleStep> | z.infer<typeof ArticleReturn>) {
  const reason = 'reason' in input ? input.reason : undefined;
  const note: Record<string, unknown> = reason ? { reason } : {};
  const frozen: { sha256?: string; content?: Buffer } = {};
  return takeStep(ctx, workflow, id, action, {
    version: input.version,
    note,
    set: async (tx, a, now) => {
      const set = stamps(action, ctx.actor!.userId, now, reason);
      if (action === 'approve') {
        const content = await briefingDocx({ ...a, ...set, status: 'published' } as ArticleRow, issuerOf(await districtName(tx, a.regionId)), now);
        const sha256 = createHash('sha256').update(content).digest('hex');
        Object.assign(frozen, { sha256, content });
        Object.assign(note, { sha256, bytes: content.length });
      }
      return set;
    },
    effects: async (tx, a) => {
      if (!frozen.content) return;
      await tx
        .insert(articleFiles)
        .values({ articleId: a.id, sha256: frozen.sha256!, content: frozen.content })
        .onConflictDoUpdate({ target: articleFiles.articleId, set: { sha256: frozen.sha256!, content: frozen.content } });
    },
  });
}
