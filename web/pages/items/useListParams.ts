import { useSearchParams } from 'react-router';
import { LIGHTS, type Light } from '../../../domain/lights.js';

/** List filters, kept in the address so a filtered view can be linked to and survives a reload. */
export interface ListParams {
  page: number;
  perPage: number;
  /** A region of the reader's, drilled into from the dashboard. */
  region?: string | undefined;
  q?: string | undefined;
  plan?: string | undefined;
  area?: string | undefined;
  taskForce?: string | undefined;
  unit?: string | undefined;
  light?: Light | undefined;
  dueBefore?: string | undefined;
  status?: 'open' | 'done' | undefined;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
}

const opt = (v: string | null) => v || undefined;

/** Reads the filters from the query string and writes changes back (any filter change goes to page 1). */
export function useListParams(): [ListParams, (patch: Partial<ListParams>) => void] {
  const [sp, setSp] = useSearchParams();
  const light = sp.get('light');
  const order = sp.get('order');
  const params: ListParams = {
    page: Number(sp.get('page')) || 1,
    perPage: Number(sp.get('perPage')) || 20,
    region: opt(sp.get('region')),
    q: opt(sp.get('q')),
    plan: opt(sp.get('plan')),
    area: opt(sp.get('area')),
    taskForce: opt(sp.get('taskForce')),
    unit: opt(sp.get('unit')),
    light: light && (LIGHTS as readonly string[]).includes(light) ? (light as Light) : undefined,
    dueBefore: opt(sp.get('dueBefore')),
    status: sp.get('status') === 'open' || sp.get('status') === 'done' ? (sp.get('status') as 'open' | 'done') : undefined,
    sort: opt(sp.get('sort')),
    order: order === 'asc' || order === 'desc' ? order : undefined,
  };
  const update = (patch: Partial<ListParams>) => {
    const next = { ...params, ...(('page' in patch) ? {} : { page: 1 }), ...patch };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === null || v === '') continue;
      if ((k === 'page' && v === 1) || (k === 'perPage' && v === 20)) continue;
      out.set(k, String(v));
    }
    setSp(out, { replace: true });
  };
  return [params, update];
}
