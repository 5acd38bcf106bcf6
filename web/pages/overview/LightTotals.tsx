import { Card, Col, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { listProjects, listTargets, listTasks } from '../../api/planning.js';
import { LightCountTags } from '../../components/LightCountTags.js';
import { useI18n } from '../../i18n/useI18n.js';

/** Counts by light of all tasks, targets and projects: the three lists' own counts. */
export function LightTotals() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const first = { page: 1, perPage: 1 };
  const kinds = [
    ['task', '/tasks', 'menu.tasks', useQuery({ queryKey: ['tasks', first], queryFn: () => listTasks(first) })],
    ['target', '/targets', 'menu.targets', useQuery({ queryKey: ['targets', first], queryFn: () => listTargets(first) })],
    ['project', '/projects', 'menu.projects', useQuery({ queryKey: ['projects', first], queryFn: () => listProjects(first) })],
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {kinds.map(([kind, path, label, q]) => (
        <Col xs={24} lg={8} key={kind}>
          <Card size="small" title={t(label)} extra={<Link to={path}>{t('work.open')}</Link>}>
            <LightCountTags counts={q.data?.counts} onSelect={(l) => navigate(l ? `${path}?light=${l}` : path)} testId={`overview-${kind}-lights`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

