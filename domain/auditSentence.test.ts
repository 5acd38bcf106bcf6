import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_WORDS, auditSentence } from './auditSentence.js';

/** Every action string the server's code (and the demo's loader) writes: literal ones, and the past tenses of its workflow steps. */
function serverActions(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.includes('/testing/')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/'((?:access|audit|auth|user|region|unit|body|security_policy|calendar_override|system|program|area|plan|task|target|project|report|evidence|blocker|dispatch|inspection|ledger|bulletin|notice|assessment)\.[a-z_]+)'/g)) out.add(m[1]!);
        // A workflow (commands/workflow/takeStep.ts) writes `${entity}.${done[action]}`: its entity with every value of its `done` table.
        for (const d of src.matchAll(/done:\s*\{([^}]*)\}/g)) {
          const entity = [...src.slice(0, d.index).matchAll(/entity:\s*'([a-z_]+)'/g)].pop();
          if (entity) for (const v of d[1]!.matchAll(/'([a-z_]+)'/g)) out.add(`${entity[1]}.${v[1]}`);
        }
      }
    }
  };
  walk(join(import.meta.dirname, '..', 'server'));
  walk(join(import.meta.dirname, '..', 'demo'));
  return out;
}

describe('audit records as sentences (issue 17 item 15)', () => {
  it('has words, in both languages, for every action the server writes', () => {
    // Strings that look like actions but are not (a prefix the item history matches on; download file names).
    const notActions = ['task.claim', 'bulletin.docx', 'notice.docx', 'ledger.xlsx'];
    const missing = [...serverActions()].filter((a) => !AUDIT_ACTION_WORDS[a] && !notActions.includes(a));
    expect(missing).toEqual([]);
    for (const [a, w] of Object.entries(AUDIT_ACTION_WORDS)) expect(w['zh-CN'] && w['en-US'], a).toBeTruthy();
  });
  it('says who did what to which named item', () => {
    expect(auditSentence({ action: 'report.accepted', actorName: '指挥部办公室主任', actorAccount: 'hq_office', subject: 'S1-2.1 建设工业互联网 2026-11' }, 'zh-CN')).toBe(
      '指挥部办公室主任（hq_office）验收了进展报送「S1-2.1 建设工业互联网 2026-11」',
    );
    expect(auditSentence({ action: 'report.accepted', actorName: 'Director', actorAccount: 'hq_office', subject: 'S1-2.1' }, 'en-US')).toBe('Director (hq_office) accepted the report "S1-2.1"');
    expect(auditSentence({ action: 'system.lights_refreshed' }, 'zh-CN')).toBe('系统重新计算了全部状态灯');
    expect(auditSentence({ action: 'auth.login', actorAccount: 'nobody' }, 'en-US')).toBe('nobody signed in');
    // An action without words still reads, naming its code.
    expect(auditSentence({ action: 'future.thing', actorName: '张三' }, 'zh-CN')).toBe('张三执行了 future.thing');
  });
});
