import { Tag } from 'antd';
import type { Grade, Honour } from '../../../domain/scoring/rank.js';
import { useI18n } from '../../i18n/useI18n.js';

const GRADE_COLOUR: Record<Grade, string> = { excellent: 'green', good: 'blue', fair: 'gold', poor: 'red' };

export function GradeTag({ grade }: { grade: Grade | null }) {
  const { t } = useI18n();
  return grade ? <Tag color={GRADE_COLOUR[grade]} data-testid="grade">{t(`assessment.grade.${grade}`)}</Tag> : null;
}

/** 红榜·骏马奖 in red, 黑榜·蜗牛奖 in black. */
export function HonourTag({ honour }: { honour: Honour | null }) {
  const { t } = useI18n();
  return honour ? <Tag color={honour === 'red' ? 'red' : '#000'} data-testid="honour">{t(`assessment.honour.${honour}`)}</Tag> : null;
}
