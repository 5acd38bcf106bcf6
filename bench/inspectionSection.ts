// Issue 22's figures in `npm run bench` (`--only=inspection`): the quarter's 督查通报 as .docx, the
// ledger's .xlsx export of 20,000 entries and the public complaint channel's p95s, each measured by
// its own script (bench/bulletinDocx.ts, bench/ledgerExport.ts, bench/publicComplaints.ts, which can
// also run alone) in a process of its own, so one bench's database and server never warm another's.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../scripts/serverProcess.js';

export interface SectionIo {
  say: (s?: string) => void;
  progress: (s: string) => void;
}

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const BENCHES = [
  ['a quarter’s bulletin (.docx), 5,000 ledger entries', 'bench/bulletinDocx.ts'],
  ['the ledger exported (.xlsx), 20,000 entries', 'bench/ledgerExport.ts'],
  ['the public complaint channel', 'bench/publicComplaints.ts'],
] as const;

/** Runs one script; its printed lines, or why it failed. */
export function runScript(script: string): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, script], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const lines = stdout.split('\n').filter((l) => l.trim());
      resolve(err ? [...lines, `FAILED (${err.code ?? err.message}): ${stderr.trim().split('\n').slice(-3).join(' ')}`] : lines);
    });
  });
}

export async function inspectionSection({ say, progress }: SectionIo): Promise<void> {
  say('### Inspection and the public channel (issue 22): PostgreSQL, a real server over HTTP');
  say();
  say('Budgets: bulletin .docx for a quarter ≤ 1 s; ledger export of 20,000 entries ≤ 5 s; complaint POST p95 ≤ 20 ms; tracking lookup p95 ≤ 10 ms.');
  say();
  for (const [what, script] of BENCHES) {
    progress(`${what} (${script})…`);
    const t = Date.now();
    const lines = await runScript(script);
    say(`**${what}** (\`npx tsx ${script}\`, ${((Date.now() - t) / 1000).toFixed(0)} s with its set-up):`);
    say();
    say('```');
    for (const l of lines) say(l);
    say('```');
    say();
  }
}
