import { Card, Flex } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/useI18n.js';
import { FiguresCard } from './FiguresCard.js';

/** The oversight role's home: what its home page promised (线索/投诉) — its cases, the watch and 遏增清存. Shown to that role only. */
export function OversightHomeCard() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('oversight.home')} data-testid="home-oversight">
      <Flex vertical gap={12}>
        <Flex gap={16} wrap>
          <Link to="/oversight/cases" data-testid="home-oversight-cases">
            {t('menu.oversight')}
          </Link>
          <Link to="/oversight/watch" data-testid="home-oversight-watch">
            {t('menu.oversightWatch')}
          </Link>
        </Flex>
        <FiguresCard />
      </Flex>
    </Card>
  );
}
