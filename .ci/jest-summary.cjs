// Reads jest's --json results and prints the closing line CI reads: "N passed, N failed[, N skipped]".
// Suites that did not run and the first failing suite (by path, with the first line of its error)
// go to stderr, or with --line onto the same line, so a failure is named where it is reported.
// Exits 1 when a test failed, a suite did not run, or no test ran.
//
//   node .ci/jest-summary.cjs RESULTS.json ROOT [--line]
const fs = require('node:fs');
const path = require('node:path');

const [file, root, flag] = process.argv.slice(2);
let report = {};
try {
  report = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch {
  report = { readError: true };
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = report.numPendingTests ?? 0;
const problems = [];
if (report.readError) problems.push('jest wrote no readable results');
if (report.numRuntimeErrorTestSuites > 0) {
  problems.push(`${report.numRuntimeErrorTestSuites} of ${report.numTotalTestSuites} test suites did not run`);
}
const failedSuites = (report.testResults ?? []).filter((suite) => suite.status === 'failed');
failedSuites.sort((a, b) => a.name.localeCompare(b.name));
if (failedSuites.length > 0) {
  const text = (failedSuites[0].message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('●')) ?? '';
  problems.push(
    `first failing suite: ${path.relative(root, failedSuites[0].name)}${line ? ` (${line.slice(0, 200)})` : ''}`,
  );
}
if (passed + failed === 0) problems.push('no tests ran');

const counts = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
if (flag === '--line') {
  console.log([counts, ...problems].join('; '));
} else {
  for (const problem of problems) console.error(problem);
  console.log(counts);
}
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
