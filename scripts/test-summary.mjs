// Prints the one closing line CI reads, "N passed, N failed", from vitest's JSON report.
// A run that failed before vitest reported (typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [file = 'test-results/results.json', status = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.numFailedTestSuites && failed === 0) failed = report.numFailedTestSuites;
}
if (status !== '0' && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
