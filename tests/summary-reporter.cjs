// Jest reporter: one plain closing line ("jest: N passed, N failed") that CI can read, after jest's own summary.
// CommonJS because jest loads reporters with require, outside ts-jest's transform.
class SummaryReporter {
    onRunComplete(_contexts, results) {
        const skipped = results.numPendingTests + results.numTodoTests;
        process.stderr.write(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    }
}
module.exports = SummaryReporter;
