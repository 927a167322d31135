// Everything message tracking knows about one message: headers, receipt, spam checks, policies applied,
// and where it was delivered. The id comes from search-messages (or a held message).
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/message-finder/get-message-info/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem, isObject } from '../helpers/api.js';
import { lenientIsoUtc } from '../helpers/dates.js';
import { trackedEmailId } from '../helpers/inputs.js';
import { addressesOf } from '../helpers/messages.js';
import { optionalBoolean, optionalNumber, optionalString } from '../helpers/records.js';

const GetMessageInfoInput = z
    .object({
        /** A tracked message id (search-messages `messages[].id`). */
        id: trackedEmailId
    })
    .strict();

const Delivery = z.object({
    recipient: z.string(),
    deliveryEvent: z.string().optional(),
    route: z.string().optional(),
    remoteIp: z.string().optional(),
    remoteHost: z.string().optional(),
    encryptionInfo: z.string().optional(),
    transmissionStart: z.string().optional(),
    transmissionEnd: z.string().optional()
});

const Policy = z.object({ policyType: z.string(), policyName: z.string().optional(), inherited: z.boolean().optional() });

const Component = z.object({
    type: z.string().optional(),
    name: z.string().optional(),
    mimeType: z.string().optional(),
    size: z.number().optional(),
    /** SHA-256 of the part: usable with search-file-hash and create-remediation-incident. */
    hash: z.string().optional()
});

const MessageInfo = z.object({
    id: z.string(),
    status: z.string().optional(),
    subject: z.string().optional(),
    fromHeader: z.string().optional(),
    fromEnvelope: z.string().optional(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    sent: z.string().optional(),
    processed: z.string().optional(),
    receiptEvent: z.string().optional(),
    spamEvent: z.string().optional(),
    remoteIp: z.string().optional(),
    remoteHost: z.string().optional(),
    encryptionInfo: z.string().optional(),
    transmissionSize: z.number().optional(),
    spamScore: z.number().optional(),
    detectionLevel: z.string().optional(),
    spf: z.string().optional(),
    dkim: z.string().optional(),
    dmarc: z.string().optional(),
    currentPurgeDate: z.string().optional(),
    components: z.array(Component),
    deliveries: z.array(Delivery),
    policies: z.array(Policy)
});
type MessageInfo = z.infer<typeof MessageInfo>;

const PATH = '/api/message-finder/get-message-info';

const action = createAction({
    description:
        'Returns the tracking details of one message: headers, receipt, spam checks (SPF, DKIM, DMARC), policies applied, parts with their hashes and deliveries.',
    version: '1.0.0',
    scopes: ['Gateway | Tracking | Read'],
    endpoint: { method: 'GET', path: '/messages/info', group: 'Investigation' },
    input: GetMessageInfoInput,
    output: MessageInfo,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, GetMessageInfoInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { id: input.id } });
            return toMessageInfo(input.id, firstItem(page, PATH));
        });
    }
});

function toMessageInfo(id: string, raw: Record<string, unknown>): MessageInfo {
    const recipientInfo = objectAt(raw, 'recipientInfo');
    const messageInfo = objectAt(recipientInfo, 'messageInfo');
    const meta = objectAt(recipientInfo, 'recipientMetaInfo');
    const spamInfo = objectAt(raw, 'spamInfo');
    const checks = objectAt(spamInfo, 'spamProcessingDetail');
    // deliveredMessage is keyed by recipient address: one entry per delivery.
    const delivered = Object.entries(objectAt(raw, 'deliveredMessage'));
    const policies = new Map<string, z.infer<typeof Policy>>();
    const deliveries = delivered.map(([recipient, value]) => {
        const entry = isObject(value) ? value : {};
        const deliveryMeta = objectAt(entry, 'deliveryMetaInfo');
        for (const p of Array.isArray(entry['policyInfo']) ? entry['policyInfo'] : []) {
            const policyType = isObject(p) ? optionalString(p, 'policyType') : undefined;
            if (isObject(p) && policyType !== undefined) {
                policies.set(`${policyType}\u0000${optionalString(p, 'policyName') ?? ''}`, {
                    policyType,
                    policyName: optionalString(p, 'policyName'),
                    inherited: optionalBoolean(p, 'inherited')
                });
            }
        }
        return {
            recipient,
            deliveryEvent: optionalString(deliveryMeta, 'deliveryEvent'),
            route: optionalString(objectAt(entry, 'messageInfo'), 'route'),
            remoteIp: optionalString(deliveryMeta, 'remoteIp'),
            remoteHost: optionalString(deliveryMeta, 'remoteHost'),
            encryptionInfo: optionalString(deliveryMeta, 'encryptionInfo'),
            transmissionStart: lenientIsoUtc(deliveryMeta['transmissionStart']),
            transmissionEnd: lenientIsoUtc(deliveryMeta['transmissionEnd'])
        };
    });
    return {
        id: optionalString(raw, 'id') ?? id,
        status: optionalString(raw, 'status'),
        subject: optionalString(messageInfo, 'subject'),
        fromHeader: optionalString(messageInfo, 'fromHeader'),
        fromEnvelope: optionalString(messageInfo, 'fromEnvelope'),
        to: addressesOf(messageInfo['to']),
        cc: addressesOf(messageInfo['cc']),
        sent: lenientIsoUtc(messageInfo['sent']),
        processed: lenientIsoUtc(messageInfo['processed']),
        receiptEvent: optionalString(meta, 'receiptEvent'),
        spamEvent: optionalString(meta, 'spamEvent'),
        remoteIp: optionalString(meta, 'remoteIp'),
        remoteHost: optionalString(meta, 'remoteHost'),
        encryptionInfo: optionalString(meta, 'encryptionInfo'),
        transmissionSize: optionalNumber(meta, 'transmissionSize'),
        spamScore: optionalNumber(spamInfo, 'spamScore'),
        detectionLevel: optionalString(spamInfo, 'detectionLevel'),
        spf: optionalString(objectAt(checks, 'spf'), 'info'),
        dkim: optionalString(objectAt(checks, 'dkim'), 'info'),
        dmarc: optionalString(objectAt(checks, 'dmarc'), 'info'),
        currentPurgeDate: lenientIsoUtc(objectAt(raw, 'retentionInfo')['currentPurgeDate']),
        components: (Array.isArray(meta['components']) ? meta['components'] : []).filter(isObject).map((c) => ({
            type: optionalString(c, 'type'),
            name: optionalString(c, 'name'),
            mimeType: optionalString(c, 'mimeType'),
            size: optionalNumber(c, 'size'),
            hash: optionalString(c, 'hash')
        })),
        deliveries,
        policies: [...policies.values()]
    };
}

function objectAt(raw: Record<string, unknown>, key: string): Record<string, unknown> {
    const value = raw[key];
    return isObject(value) ? value : {};
}

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;
