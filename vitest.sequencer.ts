// The order test files are handed to the workers in: the longest first, so that no long file starts
// last while the other worker has nothing left (crash.test.ts, 48 s, ended a CI run alone for its
// last 35 s). Vitest orders by the durations it remembers; a clean checkout remembers none and goes
// by file size, which is no guide to time here. Each list names the files that take the longest,
// longest first (per-file times: .tmp/vitest-unit.json and .tmp/vitest-e2e.json after `npm test`).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export function longestFirst(longest: readonly string[]) {
  return class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const rank = (f: TestSpecification) => {
        const i = longest.findIndex((l) => f.moduleId.endsWith(l));
        return i < 0 ? longest.length : i;
      };
      // Projects (vitest.suite.config.ts: the unit tests', then the matrix days') in the order they
      // are configured, each whole: a worker is kept for the next file only within a project, so
      // every switch between projects starts new ones.
      const projects = this.ctx.projects;
      const project = (f: TestSpecification) => projects.indexOf(f.project);
      // Array sort is stable: files off the list keep vitest's order after the listed ones.
      return sorted.sort((a, b) => project(a) - project(b) || rank(a) - rank(b));
    }
  };
}
