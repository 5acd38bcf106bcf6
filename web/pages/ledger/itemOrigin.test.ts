import { describe, expect, it } from 'vitest';
import { itemOrigin, type ItemFacts } from './itemOrigin.js';

const item = (light: string, codes: string[]): ItemFacts => ({ itemType: 'task', itemId: 't1', title: '任务', light, lightReasons: codes.map((code) => ({ code })), unitIds: ['u1'] });

describe('the source a finding on an item is recorded from', () => {
  it('is the red light when the item is red, whatever else it is', () => {
    expect(itemOrigin(item('red', ['overdue'])).kind).toBe('red_light');
    expect(itemOrigin(item('red', ['behind_schedule'])).kind).toBe('red_light');
  });
  it('is the overdue item when a deadline, milestone or claim has passed without the item being red', () => {
    for (const code of ['overdue', 'milestone_overdue', 'claim_overdue']) expect(itemOrigin(item('yellow', [code])).kind, code).toBe('overdue');
  });
  it('is a finding entered on the item otherwise, which names the item itself', () => {
    const o = itemOrigin(item('green', ['on_track']));
    expect(o).toMatchObject({ kind: 'entered', id: 't1', item: { itemType: 'task', itemId: 't1' }, unitIds: ['u1'] });
  });
});
