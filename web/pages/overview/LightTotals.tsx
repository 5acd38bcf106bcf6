import { Col, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { listProjects, listTargets, listTasks } from '../../api/planning.js';
import { ItemLightCard } from '../../components/ItemLightCard.js';
import { qk } from '../../api/queryKeys.js';

/** Counts by light of all tasks, targets and projects (within `region`, if drilled into): the three lists' own counts. */
export function LightTotals({ region }: { region?: string | undefined }) {
  const first = { page: 1, perPage: 1, ...(region ? { region } : {}) };
  const kinds = [
    ['task', useQuery({ queryKey: qk.tasks.list(first), queryFn: () => listTasks(first) })],
    ['target', useQuery({ queryKey: qk.targets.list(first), queryFn: () => listTargets(first) })],
    ['project', useQuery({ queryKey: qk.projects.list(first), queryFn: () => listProjects(first) })],
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {kinds.map(([kind, q]) => (
        <Col xs={24} lg={8} key={kind}>
          <ItemLightCard kind={kind} counts={q.data?.counts} filter={region ? { region } : {}} testId={`overview-${kind}-lights`} />
        </Col>
      ))}
    </Row>
  );
}

