// API 2.0 policy management, anti-spoofing bypass: GET /policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies
// with `pageSize` (default 100, at most 500) and `pageToken` in the query. Not the /api envelope: the
// answer is `{meta:{pagination:{pageSize, totalCount, next?}}, policies:[...]}` and errors are
// `{"error":[{code, message}]}` (HTTP 400). Three policies are seeded per simulator instance.
import { createHash } from 'node:crypto';

import type { Reply } from '../envelope.js';
import { defineEndpoint } from '../router.js';

export interface AntiSpoofingBypassPolicy {
  id: string;
  description: string;
  option: string;
  from: { type: string; emailDomain?: string; emailAddress?: string };
  to: { type: string };
  spfDomains: string[];
  enabled: boolean;
  bidirectional: boolean;
  comment: string;
  fromDate: string;
  toDate: string;
}

const SEEDED: Array<Omit<AntiSpoofingBypassPolicy, 'id'>> = [
  { description: 'Marketing platform sends as us', option: 'enable_bypass', from: { type: 'email_domain', emailDomain: 'mailer.partner.example' }, to: { type: 'internal_addresses' }, spfDomains: ['mailer.partner.example'], enabled: true, bidirectional: false, comment: 'Campaign tool', fromDate: '1900-01-01T00:00:00+0000', toDate: '2100-01-01T23:59:59+0000' },
  { description: 'Ticketing system notifications', option: 'enable_bypass', from: { type: 'email_address', emailAddress: 'support@helpdesk.example' }, to: { type: 'everyone' }, spfDomains: [], enabled: true, bidirectional: false, comment: '', fromDate: '1900-01-01T00:00:00+0000', toDate: '2100-01-01T23:59:59+0000' },
  { description: 'Old payroll provider (retired)', option: 'disable_bypass', from: { type: 'email_domain', emailDomain: 'payroll.example' }, to: { type: 'internal_addresses' }, spfDomains: ['payroll.example'], enabled: false, bidirectional: false, comment: 'Kept for audit', fromDate: '2024-01-01T00:00:00+0000', toDate: '2025-12-31T23:59:59+0000' }
];

function policyError(code: string, message: string): Reply {
  return { status: 400, body: { error: [{ code, message }] } };
}

export default defineEndpoint({
  method: 'GET',
  path: '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies',
  handle(ctx) {
    const policies = ctx.state('antiSpoofingBypassPolicies', () =>
      SEEDED.map((p, i) => ({ id: createHash('sha256').update(`asb:${ctx.seed}:${i}`).digest('hex').slice(0, 24), ...p }))
    );
    const rawSize = ctx.query.get('pageSize');
    const pageSize = rawSize === null ? 100 : Number(rawSize);
    if (!Number.isInteger(pageSize) || pageSize < 1) return policyError('invalid_page_size', 'pageSize must be a positive integer');
    const size = Math.min(pageSize, 500);
    let offset = 0;
    const token = ctx.query.get('pageToken');
    if (token !== null) {
      const decoded = /^asb:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
      if (!decoded) return policyError('invalid_page_token', 'The page token is not valid');
      offset = Number(decoded[1]);
    }
    const next = offset + size < policies.length ? Buffer.from(`asb:${offset + size}`).toString('base64url') : undefined;
    return {
      status: 200,
      body: { meta: { pagination: { pageSize: size, totalCount: policies.length, ...(next ? { next } : {}) } }, policies: policies.slice(offset, offset + size) }
    };
  }
});
