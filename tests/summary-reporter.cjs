// Jest reporter: one plain closing line ("jest: N passed, N failed") that CI can read. Written when the
// process exits, so it comes after jest's own summary. CommonJS because jest loads reporters with require.
class SummaryReporter {
    onRunComplete(_contexts, results) {
        const skipped = results.numPendingTests + results.numTodoTests;
        const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
        process.once('exit', () => process.stderr.write(line));
    }
}
module.exports = SummaryReporter;
