import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Tag, Typography, type ButtonProps } from 'antd';
import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ARTICLE_KINDS, type ArticleKind } from '../../../domain/articles.js';
import type { ArticleAction } from '../../../domain/workflows/article.js';
import { briefingDocxUrl, getArticle, stepArticle, updateArticle, type Article } from '../../api/articles.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { STATUS_COLOUR } from './ArticlesPage.js';
import { RichTextEditor } from './RichTextEditor.js';

interface Values {
  kind: ArticleKind;
  title: string;
  excerpt: string;
}
const FIELDS = ['kind', 'title', 'excerpt', 'content'] as const;

/**
 * One article: the draft's editor (kind, title, excerpt, body) for the publicist, its steps as its
 * policies allow (提交审核; 审核发布 or 退回 with a reason; 撤回; 转为草稿), the .docx, and a read view
 * of what the server keeps (sanitised).
 */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [content, setContent] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: qk.articles.detail(id), queryFn: () => getArticle(id) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const { data: a, policies } = q.data;
  const editable = can(policies, 'update');

  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) void message.success(done);
      await invalidate(qc, qk.articles.all);
      return true;
    } catch (e) {
      void message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const { data } = await updateArticle(a.id, { ...v, ...(content !== null ? { content } : {}), version: a.version });
      // What the server kept (sanitised) is what the editor shows from now on.
      setContent(null);
      setDirty(false);
      qc.setQueryData(qk.articles.detail(id), (old: typeof q.data) => (old ? { ...old, data } : old));
      void message.success(t('article.saved'));
      await invalidate(qc, qk.articles.all);
    } catch (e) {
      applyFieldErrors(form, e, FIELDS);
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const step = (action: ArticleAction, label: string, why?: string) => run(() => stepArticle(a.id, action, a.version, why), t('article.done', { action: label }));

  return (
    <Card
      data-testid="article-page"
      data-status={a.status}
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
          <Link to="/articles">{t('article.listTitle')}</Link>
          <Typography.Text type="secondary">/</Typography.Text>
          <span>{a.title}</span>
          <Tag color={STATUS_COLOUR[a.status]} data-testid="article-page-status">
            {t(`article.status.${a.status}`)}
          </Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={briefingDocxUrl(a.id)} disabled={dirty} data-testid="article-download">
            {t('article.download')}
          </Button>
          {a.status === 'published' && (
            <Button icon={<GlobalOutlined />} href={`/public/articles/${a.id}`} target="_blank">
              {t('article.viewPublic')}
            </Button>
          )}
          {editable && (
            <Button onClick={() => void save()} loading={busy} disabled={!dirty} data-testid="article-save">
              {t('article.save')}
            </Button>
          )}
          {can(policies, 'submit') && (
            <Button type="primary" disabled={dirty} title={dirty ? t('article.unsaved') : undefined} loading={busy} onClick={() => void step('submit', t('article.submit'))} data-testid="article-submit">
              {t('article.submit')}
            </Button>
          )}
          {can(policies, 'return') && (
            <Button onClick={() => setReturning(true)} loading={busy} data-testid="article-return">
              {t('article.return')}
            </Button>
          )}
          {can(policies, 'approve') && (
            <Popconfirm title={t('article.approveConfirm')} onConfirm={() => step('approve', t('article.approve'))} okButtonProps={{ 'data-testid': 'article-approve-ok' } as ButtonProps}>
              <Button type="primary" loading={busy} data-testid="article-approve">
                {t('article.approve')}
              </Button>
            </Popconfirm>
          )}
          {can(policies, 'withdraw') && (
            <Popconfirm title={t('article.withdrawConfirm')} onConfirm={() => step('withdraw', t('article.withdraw'))}>
              <Button danger loading={busy} data-testid="article-withdraw">
                {t('article.withdraw')}
              </Button>
            </Popconfirm>
          )}
          {can(policies, 'revise') && (
            <Button loading={busy} onClick={() => void step('revise', t('article.revise'))} data-testid="article-revise">
              {t('article.revise')}
            </Button>
          )}
        </Flex>
      }
    >
      {a.returnReason && a.status === 'draft' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('article.returned', { reason: a.returnReason })} data-testid="article-returned" />}
      <Typography.Paragraph type="secondary">
        {t(`article.kind.${a.kind}`)}
        {a.issueNumber ? ` · ${a.issueNumber}` : ''}
        {a.periodStart && a.periodEnd ? ` · ${formatDate(a.periodStart)} ~ ${formatDate(a.periodEnd)}` : ''}
        {a.authorName ? ` · ${t('article.author')}：${a.authorName}` : ''}
        {a.publishedAt ? ` · ${t('article.status.published')} ${formatDateTime(a.publishedAt)}` : ''}
      </Typography.Paragraph>
      {editable ? (
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: a.kind, title: a.title, excerpt: a.excerpt }} onValuesChange={() => setDirty(true)} data-testid="article-form">
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={t('article.kind')} style={{ flex: '0 1 180px' }}>
              <Select options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(`article.kind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="title" label={t('article.title')} rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 420px' }}>
              <Input maxLength={200} data-testid="article-title" />
            </Form.Item>
          </Flex>
          <Form.Item name="excerpt" label={t('article.excerpt')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="article-excerpt" />
          </Form.Item>
          <Form.Item label={t('article.content')} name="content" validateStatus={undefined}>
            <RichTextEditor
              initial={a.content}
              onChange={(html) => {
                setContent(html);
                setDirty(true);
              }}
            />
          </Form.Item>
        </Form>
      ) : (
        <Article article={a} />
      )}
      <Modal
        open={returning}
        title={t('article.return')}
        okButtonProps={{ disabled: !reason.trim(), loading: busy, 'data-testid': 'article-return-ok' } as ButtonProps}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          if (await step('return', t('article.return'), reason.trim())) setReturning(false);
        }}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder={t('article.returnReason')} data-testid="article-return-reason" />
      </Modal>
    </Card>
  );
}

/** The article as it will read: its excerpt and its body as the server keeps it (sanitised to the allow-list). */
function Article({ article: a }: { article: Article }) {
  return (
    <div data-testid="article-read">
      {a.excerpt && <Typography.Paragraph type="secondary">{a.excerpt}</Typography.Paragraph>}
      <div className="article-body" style={{ lineHeight: 1.8 }} dangerouslySetInnerHTML={{ __html: a.content }} />
    </div>
  );
}
