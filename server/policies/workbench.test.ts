import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { workbenchUnit } from './workbench.js';

const actor = (unitId: string, roles: { role: string; unitId: string | null }[]): Actor => ({ userId: 'u', account: 'a', unitId, roles }) as unknown as Actor;

describe('whose unit workbench a request shows (issue 18 item 5: the rule out of the route)', () => {
  it('shows the unit asked for only to its liaison or head, else the actor’s own unit first', () => {
    const both = actor('A', [
      { role: 'liaison', unitId: 'A' },
      { role: 'unit_head', unitId: 'B' },
    ]);
    expect(workbenchUnit(both, undefined)).toBe('A');
    expect(workbenchUnit(both, 'B')).toBe('B');
    expect(workbenchUnit(both, 'C')).toBeNull();
    expect(workbenchUnit(actor('X', [{ role: 'liaison', unitId: 'B' }]), undefined)).toBe('B');
    expect(workbenchUnit(actor('X', [{ role: 'hq_office', unitId: null }]), undefined)).toBeNull();
    expect(workbenchUnit(null, undefined)).toBeNull();
  });
});
