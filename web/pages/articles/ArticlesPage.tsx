import { useState } from 'react';
import { Button, DatePicker, Flex, Form, Input, Segmented, Select, Tag, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { ARTICLE_KINDS, ARTICLE_STATUSES, type ArticleKind, type ArticleStatus } from '../../../domain/articles.js';
import { createArticle, generateBriefing, listArticles, type Article } from '../../api/articles.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDateTime, isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

export const STATUS_COLOUR: Record<ArticleStatus, string> = { draft: 'default', review: 'processing', published: 'green', withdrawn: 'orange' };

/** 撰写稿件: kind and title; the editor opens on the new draft. */
function NewArticleModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const submit = async (v: { kind: ArticleKind; title: string }) => {
    const { data } = await createArticle({ kind: v.kind, title: v.title });
    await invalidate(qc, qk.articles.all);
    void navigate(`/articles/${data.id}`);
  };
  return (
    <FormModal<{ kind: ArticleKind; title: string }> title={t('article.new')} initialValues={{ kind: 'news', title: '' }} fieldNames={['kind', 'title']} submit={submit} onClose={onClose} testId="article-new-form" width={560}>
      <Form.Item name="kind" label={t('article.kind')} rules={[{ required: true }]}>
        <Select options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(`article.kind.${k}`) }))} data-testid="article-new-kind" />
      </Form.Item>
      <Form.Item name="title" label={t('article.title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('article.title') }) }]}>
        <Input maxLength={200} data-testid="article-new-title" />
      </Form.Item>
    </FormModal>
  );
}

/** 生成简报: a period (last month by default); the server writes the draft from its facts and the editor opens. */
function GenerateBriefingModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const lastMonth = dayjs().subtract(1, 'month');
  const submit = async (v: { period?: [Dayjs, Dayjs] | null }) => {
    const { data } = await generateBriefing({ periodStart: isoDay(v.period?.[0])!, periodEnd: isoDay(v.period?.[1])! });
    await invalidate(qc, qk.articles.all);
    void navigate(`/articles/${data.id}`);
  };
  return (
    <FormModal<{ period?: [Dayjs, Dayjs] | null }>
      title={t('article.generate')}
      initialValues={{ period: [lastMonth.startOf('month'), lastMonth.endOf('month')] }}
      fieldNames={['period']}
      submit={submit}
      onClose={onClose}
      testId="briefing-new-form"
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('article.generateHelp')}</Typography.Paragraph>
      <Form.Item name="period" label={t('article.period')} rules={[{ required: true, message: t('common.required', { field: t('article.period') }) }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="briefing-new-period" />
      </Form.Item>
    </FormModal>
  );
}

function ArticleList({ review }: { review: boolean }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ArticleStatus | 'all'>(review ? 'review' : 'all');
  const filter = { status: status === 'all' ? undefined : status, perPage: 100 };
  const list = useQuery({ queryKey: qk.articles.list(filter), queryFn: () => listArticles(filter) });
  const [creating, setCreating] = useState<'article' | 'briefing' | null>(null);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <PageCard
      title={t(review ? 'article.reviewTitle' : 'article.listTitle')}
      testId={review ? 'article-review-page' : 'articles-page'}
      extra={
        can(list.data?.policies, 'create') && (
          <Flex gap={8} wrap>
            <Button icon={<FileTextOutlined />} onClick={() => setCreating('briefing')} data-testid="briefing-new">
              {t('article.generate')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('article')} data-testid="article-new">
              {t('article.new')}
            </Button>
          </Flex>
        )
      }
    >
      {!review && (
        <Segmented<ArticleStatus | 'all'>
          style={{ marginBottom: 12 }}
          value={status}
          onChange={setStatus}
          options={[{ value: 'all', label: t('article.all') }, ...ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`article.status.${s}`) }))]}
          data-testid="article-status-filter"
        />
      )}
      <ResponsiveTable<Article>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(review ? 'article.reviewEmpty' : 'article.empty') }}
        columns={[
          {
            title: t('article.title'),
            key: 'title',
            render: (_, a) => (
              <Link to={`/articles/${a.id}`} style={{ display: 'inline-block', maxWidth: 420, whiteSpace: 'normal' }} data-testid="article-link">
                {a.title}
              </Link>
            ),
          },
          { title: t('article.kind'), key: 'kind', render: (_, a) => t(`article.kind.${a.kind}`) },
          {
            title: t('article.status'),
            key: 'status',
            render: (_, a) => (
              <Tag color={STATUS_COLOUR[a.status]} data-testid="article-status">
                {t(`article.status.${a.status}`)}
              </Tag>
            ),
          },
          { title: t('article.author'), key: 'author', render: (_, a) => a.authorName ?? '' },
          { title: t('article.updated'), key: 'updated', render: (_, a) => formatDateTime(a.updatedAt) },
        ]}
      />
      {creating === 'article' && <NewArticleModal onClose={() => setCreating(null)} />}
      {creating === 'briefing' && <GenerateBriefingModal onClose={() => setCreating(null)} />}
    </PageCard>
  );
}

/** 宣传稿件: every article by state, with 撰写稿件 and 生成简报 for the publicist. */
export function ArticlesPage() {
  return <ArticleList review={false} />;
}

/** 稿件审核: the articles waiting for the HQ office or a leader. */
export function ArticleReviewPage() {
  return <ArticleList review />;
}
