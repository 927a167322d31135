// Anti-spoofing bypass policies: the senders allowed past anti-spoofing checks (a partner that sends
// as your domain, a mailing service). API 2.0 policy management lists them with GET; they change
// rarely and have no change feed, so they are refreshed in full and a deleted policy is deleted here.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies/get
import { createSync } from 'nango';
import * as z from 'zod';

import { isObject } from '../helpers/api.js';
import type { MimecastNango } from '../helpers/api.js';
import { optionalIsoUtc } from '../helpers/dates.js';
import { syncFullRefresh } from '../helpers/full-refresh.js';
import type { ListPage } from '../helpers/full-refresh.js';
import { policyManagementPages } from '../helpers/policy-management.js';
import { describeSkipped, mapRecords, optionalBoolean, optionalString, optionalStrings, requiredString } from '../helpers/records.js';

const PATH = '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies';

const AntiSpoofingBypassPolicy = z.object({
    id: z.string(),
    description: z.string().optional(),
    /** e.g. enable_bypass, disable_bypass */
    option: z.string().optional(),
    fromType: z.string().optional(),
    fromValue: z.string().optional(),
    toType: z.string().optional(),
    toValue: z.string().optional(),
    /** Domains whose SPF pass lets the message bypass, where the policy names them. */
    spfDomains: z.array(z.string()).optional(),
    enabled: z.boolean().optional(),
    bidirectional: z.boolean().optional(),
    comment: z.string().optional(),
    fromDate: z.string().optional(),
    toDate: z.string().optional()
});
type AntiSpoofingBypassPolicy = z.infer<typeof AntiSpoofingBypassPolicy>;

const sync = createSync({
    description: 'Anti-spoofing bypass policies (who may pass anti-spoofing checks, for whom, while enabled), refreshed in full; deleted policies are deleted.',
    version: '1.0.0',
    frequency: 'every hour',
    autoStart: true,
    syncType: 'full',
    scopes: ['Gateway | Policies | Read'],
    models: { AntiSpoofingBypassPolicy },
    endpoints: [{ method: 'GET', path: '/anti-spoofing-bypass-policies', group: 'Policies' }],

    exec: async (nango) => {
        await syncFullRefresh<AntiSpoofingBypassPolicy>(nango, 'AntiSpoofingBypassPolicy', bypassPolicies(nango));
    }
});

async function* bypassPolicies(nango: MimecastNango): AsyncGenerator<ListPage<AntiSpoofingBypassPolicy>> {
    for await (const page of policyManagementPages(nango, PATH)) {
        const { records, skipped } = mapRecords(PATH, page.records, toPolicy);
        if (skipped.length > 0) {
            await nango.log(describeSkipped(PATH, skipped), { level: 'warn' });
        }
        yield { records, path: PATH, skipped: skipped.length, shifted: false };
    }
}

/** A policy as listed; a target is read flat (`fromType`) or as an object (`from: {type, value}`). */
function toPolicy(raw: Record<string, unknown>): AntiSpoofingBypassPolicy {
    const from = target(raw, 'from');
    const to = target(raw, 'to');
    return {
        id: requiredString(raw, ['id', 'policyId']),
        description: optionalString(raw, 'description'),
        option: optionalString(raw, 'option'),
        fromType: optionalString(raw, 'fromType') ?? from.type,
        fromValue: optionalString(raw, 'fromValue') ?? from.value,
        toType: optionalString(raw, 'toType') ?? to.type,
        toValue: optionalString(raw, 'toValue') ?? to.value,
        spfDomains: optionalStrings(raw, 'spfDomains'),
        enabled: optionalBoolean(raw, 'enabled'),
        bidirectional: optionalBoolean(raw, 'bidirectional'),
        comment: optionalString(raw, 'comment'),
        fromDate: optionalIsoUtc(raw['fromDate']),
        toDate: optionalIsoUtc(raw['toDate'])
    };
}

function target(raw: Record<string, unknown>, key: string): { type?: string | undefined; value?: string | undefined } {
    const value = raw[key];
    if (!isObject(value)) {
        return {};
    }
    return { type: optionalString(value, 'type'), value: optionalString(value, ['value', 'emailDomain', 'emailAddress', 'domain']) };
}

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;
