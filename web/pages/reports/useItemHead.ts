import { useQuery } from '@tanstack/react-query';
import type { Light } from '../../../domain/lights.js';
import type { PeriodKind } from '../../../domain/periods.js';
import type { ItemType } from '../../../domain/work.js';
import { getProject, getTarget, getTask } from '../../api/planning.js';
import type { LightReasonView } from '../../api/workTypes.js';
import { qk } from '../../api/queryKeys.js';

/** What a report page shows of its item: name, light, and its reporting cycle. */
export interface ItemHead {
  code: string;
  title: string;
  light: Light;
  lightReasons: LightReasonView[];
  periodKind: PeriodKind;
}

export async function loadHead(type: ItemType, id: string): Promise<ItemHead> {
  if (type === 'task') {
    const d = (await getTask(id)).data;
    return { code: d.code, title: d.title, light: d.light, lightReasons: d.lightReasons, periodKind: d.reportPeriod };
  }
  if (type === 'target') {
    const d = (await getTarget(id)).data;
    return { code: d.code, title: d.name, light: d.light, lightReasons: d.lightReasons, periodKind: d.period };
  }
  const d = (await getProject(id)).data;
  return { code: d.code, title: d.name, light: d.light, lightReasons: d.lightReasons, periodKind: 'monthly' };
}

/** The item a report is about, loaded by its type and id. */
export const useItemHead = (type: ItemType | undefined, id: string | undefined) =>
  useQuery({ queryKey: qk.itemHead.of(type, id), queryFn: () => loadHead(type!, id!), enabled: !!type && !!id });
