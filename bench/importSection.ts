// Issue 20's figures in `npm run bench` (`--only=imports`): the daily reminder run, the export of
// every report and a 10,000-row 任务分解表's preview and commit, measured by bench/importExport.ts
// (which can also run alone) in a process of its own, on a bench district of its own.
import { runScript, type SectionIo } from './inspectionSection.js';

export async function importSection({ say, progress }: SectionIo): Promise<void> {
  say('### Imports, exports and reminders (issue 20): PostgreSQL, a real server over HTTP');
  say();
  say('Budgets: daily reminder run ≤ 2 s; export of all ~250,000 reports ≤ 20 s, server peak memory ≤ 300 MB; 10,000-row preview ≤ 5 s, commit ≤ 5 s.');
  say();
  progress('issue 20 (bench/importExport.ts)…');
  const t = Date.now();
  const lines = await runScript('bench/importExport.ts');
  say(`\`npx tsx bench/importExport.ts\`, ${((Date.now() - t) / 1000).toFixed(0)} s with its set-up:`);
  say();
  say('```');
  for (const l of lines) say(l);
  say('```');
  say();
}
