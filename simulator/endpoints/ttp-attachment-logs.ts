import { createHash } from 'node:crypto';

import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { externalAddress, internalAddress, logEndpoint, messageId, subject } from './log-endpoint.js';

/** One attachment sandboxed by Attachment Protect. Real attachment logs carry no id. */
export interface AttachmentLog {
    result: string;
    date: string;
    senderAddress: string;
    fileName: string;
    actionTriggered: string;
    route: string;
    details: string;
    recipientAddress: string;
    fileType: string;
    messageId: string;
    subject: string;
    /** SHA-256 of the file, hex. */
    fileHash: string;
    /** The Attachment Protect definition applied. */
    definition: string;
}

const FILES = [
    { ext: 'pdf', fileType: 'application/pdf', weight: 40 },
    { ext: 'docx', fileType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', weight: 20 },
    { ext: 'xlsm', fileType: 'application/vnd.ms-excel.sheet.macroEnabled.12', weight: 10 },
    { ext: 'zip', fileType: 'application/zip', weight: 15 },
    { ext: 'html', fileType: 'text/html', weight: 10 },
    { ext: 'iso', fileType: 'application/x-iso9660-image', weight: 5 }
];
const NAMES = ['invoice', 'statement', 'remittance', 'scan', 'report', 'order', 'payslip', 'contract'];

export const attachmentLogs: SeriesSpec<AttachmentLog> = {
    name: 'attachmentLogs',
    defaultSize: 3_000,
    retentionMs: 30 * DAY_MS,
    make({ id, time, rng }) {
        const file = rng.weighted(FILES);
        const malicious = rng.int(100) < (file.ext === 'iso' || file.ext === 'xlsm' ? 40 : 4);
        const unknown = !malicious && rng.int(100) < 3;
        return {
            result: malicious ? 'malicious' : unknown ? 'unknown' : 'safe',
            date: formatDate(time),
            senderAddress: externalAddress(rng),
            fileName: `${rng.pick(NAMES)}_${1000 + rng.int(9000)}.${file.ext}`,
            actionTriggered: malicious ? 'user release none, admin release none, sandbox' : 'none, sandbox',
            route: 'inbound',
            details: `${malicious ? 'Malicious' : unknown ? 'Unknown' : 'Safe'}\r\nTime taken: 0 hrs, 0 min, ${1 + rng.int(9)} sec`,
            recipientAddress: internalAddress(rng),
            fileType: file.fileType,
            messageId: messageId(id),
            subject: subject(rng),
            fileHash: createHash('sha256').update(`attachment:${id}`).digest('hex'),
            definition: 'Default Inbound Attachment Protect Definition'
        };
    }
};

export default logEndpoint({
    path: '/api/ttp/attachment/get-logs',
    spec: attachmentLogs,
    from: 'from',
    to: 'to',
    key: 'attachmentLogs',
    filter(v) {
        const result = v.string('result', { oneOf: ['safe', 'malicious', 'timeout', 'error', 'unsafe', 'all'] });
        return result === undefined || result === 'all' ? undefined : (r) => r.result === result;
    }
});
