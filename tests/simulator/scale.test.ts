import { DAY_MS } from '../../simulator/data.js';
import { startSimulator } from '../../simulator/index.js';
import { AUDIT, call, fakeClock, getToken, mc, type AuditEventRecord } from './helpers.js';

describe('simulator: large data sets are lazy', () => {
    it('serves a 1,000,000-record audit log without materialising it', async () => {
        const clock = fakeClock();
        const heapBefore = process.memoryUsage().heapUsed;
        const started = Date.now();
        const sim = await startSimulator({ now: clock.now, sizes: { auditEvents: 1_000_000 } });
        try {
            const from = clock.now() - 30 * DAY_MS;
            const count = sim.series('auditEvents').countInRange(from, clock.now() + 1);
            expect(count).toBeGreaterThanOrEqual(1_000_000);
            expect(count).toBeLessThanOrEqual(1_000_001);
            const res = await call<AuditEventRecord>(
                sim,
                AUDIT,
                { meta: { pagination: { pageSize: 500 } }, data: [{ startDateTime: mc(from), endDateTime: mc(clock.now() + 1000) }] },
                await getToken(sim)
            );
            expect(res.body.fail).toEqual([]);
            expect(res.body.data.length).toBe(500);
            expect(res.body.meta.pagination?.totalCount).toBe(count);
            const grown = process.memoryUsage().heapUsed - heapBefore;
            expect(grown).toBeLessThan(50 * 1024 * 1024);
            expect(Date.now() - started).toBeLessThan(3_000);
        } finally {
            await sim.close();
        }
    });
});
