import type { Endpoint } from '../router.js';
import account from './account.js';
import auditEvents from './audit-events.js';

/** Every simulated endpoint. Adding one = a file in this folder + one line here. */
export const endpoints: readonly Endpoint[] = [account, auditEvents];
