import { staffAccount, taskForceAccount } from './accounts.js';
import { DEMO_UNITS } from './org.js';
import type { StepActors } from './workReports.js';

/** Ids made so far, looked up by code; a missing code is a mistake in the demo's own tables, so it throws. */
export interface DemoRefs {
  unitId(code: string): string;
  unitName(code: string): string;
  planId(code: string): string;
  areaId(code: string): string;
  /** The demo account of a unit in a role (建设街道's are the role accounts `liaison` and `unit_head`). */
  accountId(unit: string, role: 'liaison' | 'unit_head'): string | null;
  /** Who takes each report step for a unit's report on an item of a plan. */
  actors(unit: string, plan: string): StepActors;
}

export interface RefInput {
  units: Map<string, string>;
  users: Map<string, string>;
  plans: Map<string, string>;
  areas: Map<string, string>;
  /** plan code → task force body code (none: the HQ office reviews). */
  planTaskForce: Map<string, string | undefined>;
}

const must = (m: Map<string, string>, k: string, what: string) => {
  const v = m.get(k);
  if (!v) throw new Error(`demo data: unknown ${what} "${k}"`);
  return v;
};

export function demoRefs(i: RefInput): DemoRefs {
  const names = new Map(DEMO_UNITS.map((u) => [u.code, u.name]));
  const user = (account: string) => i.users.get(account) ?? null;
  const accountId = (unit: string, role: 'liaison' | 'unit_head') => user(staffAccount(role, unit));
  return {
    unitId: (c) => must(i.units, c, 'unit'),
    unitName: (c) => names.get(c) ?? c,
    planId: (c) => must(i.plans, c, 'plan'),
    areaId: (c) => must(i.areas, c, 'area'),
    accountId,
    actors: (unit, plan) => {
      const tf = i.planTaskForce.get(plan);
      return {
        unit: { submit: accountId(unit, 'liaison'), approve: accountId(unit, 'unit_head') },
        review: user(tf ? taskForceAccount(tf) : 'hq_office'),
        accept: user('hq_office'),
      };
    },
  };
}
