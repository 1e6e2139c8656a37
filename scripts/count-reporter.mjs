// A node:test reporter that counts passed, failed and skipped tests (leaf tests and failed hooks, not suites) and writes
// { passed, failed, skipped, failures: [{ name, file, error }] } as JSON to its destination. Used by test-all.mjs.
// A skipped (or todo) test is neither passed nor failed: it is counted apart, so a skip cannot hide in the total.
export default async function* countReporter(source) {
  const result = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // A suite is not a test, but a failing before/after hook (the "no handler failed" checks) fails the run: count it.
    const hookFailed = event.type === 'test:fail' && event.data.details?.error?.failureType === 'hookFailed';
    if (event.data.details?.type === 'suite' && !hookFailed) continue;
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) result.skipped++;
      else result.passed++;
    } else {
      result.failed++;
      const error = event.data.details?.error;
      result.failures.push({ name: event.data.name, file: event.data.file, error: String(error?.cause ?? error?.message ?? error) });
    }
  }
  yield JSON.stringify(result);
}
