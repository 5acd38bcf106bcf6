import { useState } from 'react';
import { App, Button, Card, Flex, Input, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { CaseNoteCreate } from '../../../domain/schemas/oversight.js';
import { addCaseNote, type OversightCase } from '../../api/oversight.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { errorMessage } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** 机密备注: appended with their author and time, never changed; the box adds one. */
export function CaseNotes({ c, mayAdd }: { c: OversightCase; mayAdd: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const ok = CaseNoteCreate.safeParse({ content: text }).success;
  const add = async () => {
    setBusy(true);
    try {
      await addCaseNote(c.id, text);
      setText('');
      void message.success(t('oversight.noteAdded'));
      await invalidate(qc, qk.oversight.all);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('oversight.notes')} data-testid="case-notes">
      {c.notes.length ? (
        <Timeline
          items={c.notes.map((n) => ({
            key: n.id,
            content: (
              <div data-testid="case-note">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)} · {n.authorName ?? '—'}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.content}</div>
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('oversight.noNotes')}</Typography.Paragraph>
      )}
      {mayAdd && (
        <Flex vertical gap={8}>
          <Input.TextArea rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-testid="case-note-input" />
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('oversight.notesHelp')}
            </Typography.Text>
            <Button onClick={() => void add()} disabled={!ok} loading={busy} data-testid="case-note-add">
              {t('oversight.addNote')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
