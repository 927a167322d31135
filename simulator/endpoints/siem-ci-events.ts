import { mintId, type SeriesSpec } from '../data.js';
import { ACCOUNT } from './account.js';
import { externalAddress, internalAddress } from './log-endpoint.js';
import { SIEM_RETENTION_MS, siemStreamEndpoint } from './siem-events.js';

/**
 * Cloud Integrated SIEM events, stream flavour: `GET /siem/v1/events/ci`, served like the CG stream
 * (value[], @nextPage, isCaughtUp, 24 hours). No published body shows the CI stream: records carry the
 * fields of the CI batch files other collectors read (`type`/`subtype`, epoch-ms `timestamp`, `_offset`,
 * `_partition`, accountId, aggregateId, processingId; entities add threatState, threatType,
 * policiesApplied[], source, tags; mailflow adds authResults[]); `direction` comes both as `INBOUND` and `Inbound`.
 */
export type SiemCiEvent = Record<string, unknown> & { timestamp: number; type: string };

export const SIEM_CI_TYPES = ['entities', 'mailflow', 'urlclick'] as const;

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
            direction: rng.int(2) === 0 ? 'INBOUND' : 'Inbound'
        };
        switch (type) {
            case 'entities':
                return {
                    ...base,
                    subtype: 'threat',
                    threatState: rng.pick(['detected', 'remediated']),
                    threatType: rng.pick(['phishing', 'malware', 'impersonation']),
                    policiesApplied: ['Default Threat Policy'],
                    source: 'Cloud Integrated',
                    tags: ['ci'],
                    sender: externalAddress(rng),
                    recipient: internalAddress(rng)
                };
            case 'mailflow':
                return {
                    ...base,
                    subtype: 'delivery',
                    sender: externalAddress(rng),
                    recipient: internalAddress(rng),
                    authResults: [
                        { type: 'spf', result: 'pass' },
                        { type: 'dkim', result: rng.pick(['pass', 'none']) }
                    ]
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
