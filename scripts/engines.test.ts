// `npm install` must not warn that a locked package needs another Node.js than the one the
// project states (the README's and package.json's "engines"): either the lock works on every
// version we claim, or we claim less.
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from './serverProcess.js';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, any>;

describe('the Node.js versions the project states', () => {
  const stated: string = read('package.json').engines.node;

  it('are all accepted by every package in the lock file', () => {
    const lock = read('package-lock.json');
    const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([name, p]) => name && p.engines?.node && !semver.subset(stated, p.engines.node))
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')} needs ${p.engines!.node}`);
    expect(refused).toEqual([]);
  });

  it('include the Node.js this suite runs on, and the README states them', () => {
    expect(semver.satisfies(process.version, stated)).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(stated);
  });
});
