import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Popconfirm, Tag, Typography, type ButtonProps } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { bulletinDocxUrl, getBulletin, issueBulletin, updateBulletin, type Bulletin } from '../../api/bulletins.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { chineseNumeral, formatDate, formatDateTime, isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** The form's shape: paragraphs as one text, a line each (what the inspector types). */
interface Part {
  heading: string;
  text: string;
}
interface Values {
  title: string;
  docNumber: string;
  issuer: string;
  issueDate: Dayjs | null;
  cc: string;
  printer: string;
  sections: (Part & { subsections: Part[] })[];
}
const FIELDS = ['title', 'docNumber', 'issuer', 'issueDate', 'cc', 'printer', 'sections'] as const;

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const toValues = (b: Bulletin): Values => ({
  title: b.title,
  docNumber: b.docNumber,
  issuer: b.issuer,
  issueDate: dayjs(b.issueDate),
  cc: b.cc,
  printer: b.printer,
  sections: b.sections.map((s) => ({ heading: s.heading, text: s.paragraphs.join('\n'), subsections: s.subsections.map((x) => ({ heading: x.heading, text: x.paragraphs.join('\n') })) })),
});
const toBody = (v: Values) => ({
  title: v.title,
  docNumber: v.docNumber,
  issuer: v.issuer,
  issueDate: isoDay(v.issueDate) ?? undefined,
  cc: v.cc ?? '',
  printer: v.printer ?? '',
  sections: (v.sections ?? []).map((s) => ({ heading: s.heading, paragraphs: lines(s.text ?? ''), subsections: (s.subsections ?? []).map((x) => ({ heading: x.heading, paragraphs: lines(x.text ?? '') })) })),
});
/** "sections.1.paragraphs.2" (the server's path) → the form's "sections.1.text". */
const formPath = (name: string) => name.replace(/\.paragraphs(\.\d+)?$/, '.text');

/** An issued bulletin as it reads: numbered parts and subsections. */
function ReadOnly({ b }: { b: Bulletin }) {
  return (
    <Flex vertical data-testid="bulletin-text">
      {b.sections.map((s, i) => (
        <div key={i}>
          <Typography.Title level={5}>{`${chineseNumeral(i + 1)}、${s.heading}`}</Typography.Title>
          {s.paragraphs.map((p, j) => (
            <Typography.Paragraph key={j}>{p}</Typography.Paragraph>
          ))}
          {s.subsections.map((x, j) => (
            <div key={j}>
              <Typography.Text strong>{`（${chineseNumeral(j + 1)}）${x.heading}`}</Typography.Text>
              {x.paragraphs.map((p, k) => (
                <Typography.Paragraph key={k}>{p}</Typography.Paragraph>
              ))}
            </div>
          ))}
        </div>
      ))}
    </Flex>
  );
}

/** 督查通报: the draft's editor (head, parts and subsections, 抄送/印发), its preview, and 签发 with a confirmation; an issued one to read and download. */
export function BulletinPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const q = useQuery({ queryKey: qk.bulletins.detail(id), queryFn: () => getBulletin(id) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const { data: b, policies } = q.data;
  const editable = can(policies, 'update');

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await updateBulletin(b.id, { ...toBody(v), version: b.version });
      setDirty(false);
      void message.success(t('bulletin.saved'));
      await invalidate(qc, qk.bulletins.all);
    } catch (e) {
      applyFieldErrors(form, e, FIELDS, formPath);
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const issue = async () => {
    setBusy(true);
    try {
      await issueBulletin(b.id, b.version);
      void message.success(t('bulletin.issued'));
      await invalidate(qc, qk.bulletins.all);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const part = (name: (string | number)[], remove: () => void, level: 'section' | 'subsection', n: number) => (
    <Flex gap={8} align="start">
      <Typography.Text style={{ paddingTop: 5, minWidth: 40 }}>{level === 'section' ? `${chineseNumeral(n)}、` : `（${chineseNumeral(n)}）`}</Typography.Text>
      <Flex vertical style={{ flex: 1 }}>
        <Form.Item name={[...name, 'heading']} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('bulletin.heading') }) }]} style={{ marginBottom: 8 }}>
          <Input maxLength={100} placeholder={t('bulletin.heading')} data-testid={`bulletin-${level}-heading`} />
        </Form.Item>
        <Form.Item name={[...name, 'text']} style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} placeholder={t('bulletin.paragraphs')} data-testid={`bulletin-${level}-text`} />
        </Form.Item>
      </Flex>
      <Button type="text" icon={<DeleteOutlined />} onClick={remove} aria-label={t('bulletin.remove')} />
    </Flex>
  );

  return (
    <Card
      data-testid="bulletin-page"
      data-status={b.status}
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
          <Link to="/bulletins">{t('bulletin.listTitle')}</Link>
          <Typography.Text type="secondary">/</Typography.Text>
          <span>{b.title}</span>
          <Tag color={b.status === 'issued' ? 'green' : 'default'}>{t(`bulletin.status.${b.status}`)}</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={bulletinDocxUrl(b.id)} disabled={dirty} data-testid="bulletin-download">
            {t(b.status === 'issued' ? 'bulletin.download' : 'bulletin.preview')}
          </Button>
          {editable && (
            <Button onClick={() => void save()} loading={busy} data-testid="bulletin-save">
              {t('bulletin.save')}
            </Button>
          )}
          {can(policies, 'issue') && (
            <Popconfirm title={t('bulletin.issueConfirm')} onConfirm={issue} disabled={dirty} okButtonProps={{ 'data-testid': 'bulletin-issue-ok' } as ButtonProps}>
              <Button type="primary" danger disabled={dirty} loading={busy} title={dirty ? t('bulletin.unsaved') : undefined} data-testid="bulletin-issue">
                {t('bulletin.issue')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      {b.status === 'issued' && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('bulletin.frozen', { sha: (b.sha256 ?? '').slice(0, 16) })} description={b.issuedAt ? formatDateTime(b.issuedAt) : undefined} />}
      <Typography.Paragraph type="secondary">
        {t('bulletin.period')}：{formatDate(b.periodFrom)} ~ {formatDate(b.periodTo)}
        {b.inspectionTitle ? ` · ${b.inspectionTitle}` : ''}
      </Typography.Paragraph>
      {!editable ? (
        <>
          <Typography.Paragraph>
            {b.issuer} · {b.docNumber} · {formatDate(b.issueDate)}
          </Typography.Paragraph>
          <ReadOnly b={b} />
          {b.cc && <Typography.Paragraph type="secondary">{t('bulletin.cc')}：{b.cc}</Typography.Paragraph>}
        </>
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={toValues(b)} onValuesChange={() => setDirty(true)} data-testid="bulletin-form">
          <Flex gap={12} wrap>
            <Form.Item name="title" label={t('bulletin.title')} rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 420px' }}>
              <Input maxLength={200} data-testid="bulletin-title" />
            </Form.Item>
            <Form.Item name="docNumber" label={t('bulletin.docNumber')} extra={t('bulletin.docNumberHelp')} rules={[{ required: true, pattern: /^[^〔〕]{0,20}〔\d{4}〕\d{1,4}号$/, message: t('bulletin.docNumberHelp') }]} style={{ flex: '0 1 220px' }}>
              <Input maxLength={50} data-testid="bulletin-doc-number" />
            </Form.Item>
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item name="issuer" label={t('bulletin.issuer')} rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 240px' }}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="issueDate" label={t('bulletin.issueDate')} rules={[{ required: true }]} style={{ flex: '0 1 200px' }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Typography.Title level={5}>{t('bulletin.sections')}</Typography.Title>
          <Form.List name="sections">
            {(sections, { add, remove }) => (
              <Flex vertical gap={8}>
                {sections.map((s, i) => (
                  <Card key={s.key} size="small" data-testid="bulletin-section">
                    {part([s.name], () => remove(s.name), 'section', i + 1)}
                    <Form.List name={[s.name, 'subsections']}>
                      {(subs, sub) => (
                        <Flex vertical gap={4} style={{ marginLeft: 48 }}>
                          {subs.map((x, j) => (
                            <div key={x.key}>{part([x.name], () => sub.remove(x.name), 'subsection', j + 1)}</div>
                          ))}
                          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => sub.add({ heading: '', text: '' })} style={{ alignSelf: 'start' }}>
                            {t('bulletin.addSubsection')}
                          </Button>
                        </Flex>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ heading: '', text: '', subsections: [] })} data-testid="bulletin-add-section">
                  {t('bulletin.addSection')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Flex gap={12} wrap style={{ marginTop: 16 }}>
            <Form.Item name="cc" label={t('bulletin.cc')} style={{ flex: '1 1 420px' }}>
              <Input maxLength={500} data-testid="bulletin-cc" />
            </Form.Item>
            <Form.Item name="printer" label={t('bulletin.printer')} style={{ flex: '0 1 240px' }}>
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
