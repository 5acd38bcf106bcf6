// A vitest reporter that counts each project's tests and names its failed ones, written as JSON to
// TUIJIN_PROJECT_TALLY (default .tmp/vitest-projects.json). vitest's JSON report names files, not
// projects, and a date-matrix file runs once per day: this tells the days apart, so that `npm test`
// counts the unit and API tests and the date matrix's separately and names the days that failed.
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {{ passed: number, failed: number, skipped: number, failures: string[] }} ProjectTally */

export default class ProjectTallyReporter {
  /** @param {{ outputFile?: string }} [options] */
  constructor(options = {}) {
    this.outputFile = options.outputFile ?? process.env.TUIJIN_PROJECT_TALLY ?? path.join('.tmp', 'vitest-projects.json');
    this.root = process.cwd();
  }

  /** @param {{ config: { root: string } }} vitest */
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  /** @param {ReadonlyArray<import('vitest/node').TestModule>} testModules */
  onTestRunEnd(testModules) {
    /** @type {Record<string, ProjectTally>} */
    const projects = {};
    for (const m of testModules) {
      const p = (projects[m.project.name] ??= { passed: 0, failed: 0, skipped: 0, failures: [] });
      const file = path.relative(this.root, m.moduleId);
      // A file that failed before or around its tests (an import, a beforeAll): one failure, named by its error.
      const moduleErrors = m.errors();
      if (moduleErrors.length) {
        p.failed += 1;
        p.failures.push(`${file}\n    ${firstLine(moduleErrors[0])}`);
      }
      for (const t of m.children.allTests()) {
        const r = t.result();
        if (r.state === 'passed') p.passed += 1;
        else if (r.state === 'failed') {
          p.failed += 1;
          p.failures.push(`${file} > ${t.fullName}\n    ${firstLine(r.errors?.[0])}`);
        } else p.skipped += 1;
      }
    }
    fs.mkdirSync(path.dirname(path.resolve(this.root, this.outputFile)), { recursive: true });
    fs.writeFileSync(path.resolve(this.root, this.outputFile), JSON.stringify({ projects }, null, 2));
  }
}

/** @param {{ message?: string, stack?: string } | undefined} e */
function firstLine(e) {
  const text = String(e?.stack || e?.message || '');
  return (text.split('\n').find((l) => l.trim()) ?? '').slice(0, 300);
}
