import { mintId, type SeriesSpec } from '../data.js';
import { ACCOUNT } from './account.js';
import { externalAddress, internalAddress, ipAddress, messageId, subject } from './log-endpoint.js';
import { SIEM_RETENTION_MS, siemStreamEndpoint } from './siem-events.js';

/**
 * Cloud Integrated SIEM events, stream flavour: `GET /siem/v1/events/ci`, served like the CG stream
 * (value[], @nextPage, isCaughtUp, 24 hours). No published body shows the CI stream's envelope. Its
 * entities and mailflow records have the shape of the published CI records (Elastic's pipeline test data,
 * tests/contract/INDEX.md): `type`/`subtype` (null on mailflow), epoch-ms `timestamp`, `_offset`,
 * `_partition`, accountId, aggregateId, processingId, messageId; entities add threatState, threatType,
 * policiesApplied[] of {action, mode, name}, source, tags (null or a list), senderEnvelope, senderHeader,
 * senderIp, recipients[], subject, attachments[], historicalMail; mailflow adds authResults[] of
 * {aligned, result, type}. `direction` comes both as `INBOUND` and `Inbound` (both published). urlclick
 * records have no published sample: their fields are the simulator's own.
 */
export type SiemCiEvent = Record<string, unknown> & { timestamp: number; type: string };

export const SIEM_CI_TYPES = ['entities', 'mailflow', 'urlclick'] as const;

/** The verdicts of the published entities records, with the policy and tags each came with. */
const VERDICTS = [
    ...Array.from({ length: 6 }, () => ({
        threatState: 'DELIVERY_IN_PROGRESS',
        threatType: 'NO_DETECTIONS',
        tags: null,
        policy: { action: 'DO_NOTHING', mode: 'ACTIVE', name: 'Default O365 Mail policy' }
    })),
    { threatState: 'BLOCKED', threatType: 'MALWARE', tags: ['MALWARE'], policy: { action: 'BLOCK', mode: 'ACTIVE', name: 'Default O365 Mail policy' } },
    {
        threatState: 'DELIVERED',
        threatType: 'POLICIES_DISABLED',
        tags: ['UNTRUSTWORTHY', 'SPAM'],
        policy: { action: null, mode: null, name: 'Default O365 Mail policy' }
    }
];

export const siemCiEvents: SeriesSpec<SiemCiEvent> = {
    name: 'siemCiEvents',
    defaultSize: 5_000,
    retentionMs: SIEM_RETENTION_MS,
    make({ k, time, rng }) {
        const type = rng.pick(SIEM_CI_TYPES);
        const aggregateId = mintId('', `ci:${Math.floor(k / 2)}`, 22);
        const base = {
            type,
            timestamp: time,
            _offset: k,
            _partition: k % 8,
            accountId: ACCOUNT.accountCode,
            aggregateId,
            processingId: `${aggregateId}_${1 + rng.int(1_000_000)}`,
            messageId: messageId(mintId('ci-', `msg:${Math.floor(k / 2)}`))
        };
        switch (type) {
            case 'entities': {
                // The three published verdicts: most messages clean, some blocked malware, a few with policies off.
                const verdict = rng.pick(VERDICTS);
                const sender = externalAddress(rng);
                return {
                    ...base,
                    attachments: rng.int(3) === 0 ? [`report-${rng.int(1000)}.xlsx`] : [],
                    direction: rng.int(2) === 0 ? 'INBOUND' : 'Inbound',
                    historicalMail: false,
                    policiesApplied: [verdict.policy],
                    recipients: [internalAddress(rng)],
                    senderEnvelope: rng.int(4) === 0 ? '' : sender,
                    senderHeader: sender,
                    senderIp: ipAddress(rng),
                    source: 'OFFICE_365_MAIL',
                    subject: subject(rng),
                    subtype: verdict.threatType,
                    tags: verdict.tags,
                    threatState: verdict.threatState,
                    threatType: verdict.threatType
                };
            }
            case 'mailflow':
                return {
                    ...base,
                    authResults: [
                        { aligned: rng.int(4) !== 0, result: 'pass', type: 'SPF' },
                        { aligned: false, result: rng.pick(['pass', 'none']), type: 'DKIM' },
                        { aligned: null, result: rng.int(5) === 0 ? 'fail' : 'pass', type: 'DMARC' }
                    ],
                    subtype: null
                };
            case 'urlclick':
                return {
                    ...base,
                    subtype: 'click',
                    url: `https://docs-share.example/d/${rng.int(1_000_000)}`,
                    user: internalAddress(rng),
                    action: rng.pick(['allowed', 'blocked'])
                };
        }
    }
};

export default siemStreamEndpoint({ path: '/siem/v1/events/ci', spec: siemCiEvents, types: SIEM_CI_TYPES, kind: (event) => event.type });
