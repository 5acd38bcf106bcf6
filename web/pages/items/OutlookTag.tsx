import { Tag } from 'antd';
import type { TargetDetail } from '../../api/workTypes.js';
import { trimDecimal as n } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

export type Outlook = TargetDetail['forecasts'][number];

/** Whether the year's goal is met (a finished year, on its final actual) or will be (on the trend), or too little data to say. */
export function OutlookTag({ o }: { o: Outlook | null | undefined }) {
  const { t } = useI18n();
  if (!o || o.willMeet === null) return <Tag>{t('target.unknown')}</Tag>;
  const final = o.basis === 'final';
  const label = o.willMeet ? (final ? 'target.met' : 'target.willMeet') : final ? 'target.missed' : 'target.willMiss';
  return <Tag color={o.willMeet ? 'green' : 'red'}>{t(label)}</Tag>;
}

/** "2026年：目标 12，预测 10.1" for a running year, "2025年：目标 10，全年实际 8.9" for a finished one. */
export function useOutlookText(): (o: Outlook | null | undefined, year: number) => string {
  const { t } = useI18n();
  return (o, year) => t(o?.basis === 'final' ? 'target.outlookFinal' : 'target.outlook', { year, goal: n(o?.goal) || '—', value: n(o?.value) || '—' });
}
