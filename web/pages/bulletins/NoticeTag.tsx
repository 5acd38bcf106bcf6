import { Tag } from 'antd';
import type { NoticeColour, NoticeKind } from '../../../domain/notices.js';
import { useI18n } from '../../i18n/useI18n.js';

/** antd's tag colours for the ladder's three: 蓝 → 黄 → 红. */
const TAG: Record<NoticeColour, string> = { blue: 'blue', yellow: 'gold', red: 'red' };

/** 蓝色催办单 / 黄色督办单 / 红色督办单, in its colour. */
export function NoticeTag({ kind, colour }: { kind: NoticeKind; colour: NoticeColour }) {
  const { t } = useI18n();
  return (
    <Tag color={TAG[colour]} data-testid="notice-tag" data-colour={colour}>
      {t(`notice.colour.${colour}`)}
      {t(`notice.kind.${kind}`)}
    </Tag>
  );
}
