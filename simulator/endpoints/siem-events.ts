import { createHash } from 'node:crypto';

import { DAY_MS, hash32, type SeriesSpec, type TimeSeries } from '../data.js';
import type { Reply } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import { ACCOUNT } from './account.js';
import { externalAddress, internalAddress, ipAddress, messageId, subject } from './log-endpoint.js';

/**
 * Cloud Gateway SIEM events, stream flavour: `GET /siem/v1/events/cg`, events inline in `value[]`,
 * oldest first, `@nextPage` on every answer (also an empty one), `isCaughtUp` once the head is
 * reached, 24 hours retained. Events carry an epoch-millisecond `timestamp` and no unique id, and
 * name their kind `eventType` / `subType`, as the published stream responses do (the batch files use
 * `type` / `subtype`; the batch route is not served). Receipt events carry the fields the published
 * receipts carry (string counts, null spam fields on rejections). Errors are `{"error":{"code","message"}}`.
 */
export type SiemEvent = Record<string, string | number | boolean | null> & { timestamp: number; eventType: string };

export const SIEM_RETENTION_MS = DAY_MS;
export const SIEM_MAX_PAGE_SIZE = 500;
export const SIEM_TYPES = ['receipt', 'process', 'delivery', 'av', 'spam', 'internal email protect', 'impersonation protect', 'url protect', 'attachment protect', 'journal'] as const;

const WEIGHTS: { type: (typeof SIEM_TYPES)[number]; weight: number }[] = [
  { type: 'receipt', weight: 30 },
  { type: 'process', weight: 25 },
  { type: 'delivery', weight: 25 },
  { type: 'spam', weight: 5 },
  { type: 'url protect', weight: 6 },
  { type: 'av', weight: 2 },
  { type: 'attachment protect', weight: 2 },
  { type: 'impersonation protect', weight: 2 },
  { type: 'internal email protect', weight: 2 },
  { type: 'journal', weight: 1 }
];

export const siemEvents: SeriesSpec<SiemEvent> = {
  name: 'siemEvents',
  defaultSize: 20_000,
  retentionMs: SIEM_RETENTION_MS,
  make({ k, time, rng }) {
    const { type } = rng.weighted(WEIGHTS);
    // Three consecutive events describe one message (receipt, process, delivery share an aggregateId).
    const message = Math.floor(k / 3);
    const aggregateId = createHash('sha256').update(`agg:${message}`).digest('base64url').slice(0, 22);
    const inbound = hash32('dir', message) % 10 < 7;
    const sender = inbound ? externalAddress(rng) : internalAddress(rng);
    const recipient = inbound ? internalAddress(rng) : externalAddress(rng);
    const base = {
      processingId: `${aggregateId}_${1 + rng.int(1_000_000)}`,
      aggregateId,
      accountId: ACCOUNT.accountCode,
      timestamp: time,
      eventType: type,
      direction: inbound ? 'Inbound' : 'Outbound',
      messageId: messageId(`eNq${aggregateId}`),
      _offset: k,
      _partition: hash32('partition', message) % 12
    };
    switch (type) {
      case 'receipt': {
        const receipt = { ...base, senderEnvelope: sender, senderHeader: sender, recipients: recipient, subject: subject(rng), senderIp: ipAddress(rng), tlsVersion: 'TLSv1.2', tlsCipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', numberAttachments: String(rng.int(3)), receiptErrors: null };
        if (rng.int(20) === 0) {
          const info = `Rejected by header based Blocked Senders: ${sender}`;
          return { ...receipt, subType: 'Rej', action: 'Rej', rejectionType: 'Header Rejected', rejectionCode: '0', rejectionInfo: info, virusFound: info, spamInfo: null, spamScore: null, spamDetectionLevel: null, spamProcessingDetail: null };
        }
        return { ...receipt, subType: 'Allow', action: 'Allow', rejectionType: '', spamInfo: null, spamScore: String(rng.int(10)), spamDetectionLevel: '0', spamProcessingDetail: 'Not Spam' };
      }
      case 'process':
        return { ...base, subType: rng.int(15) === 0 ? 'Hold' : 'Allow', senderEnvelope: sender, recipients: recipient, subject: subject(rng), numberAttachments: rng.int(3), emailSize: 2_000 + rng.int(2_000_000), action: 'Allow' };
      case 'delivery':
        return { ...base, subType: rng.int(25) === 0 ? 'Failed' : 'Delivery', senderEnvelope: sender, recipients: recipient, delivered: true, destinationIp: ipAddress(rng), route: inbound ? 'inbound' : 'outbound', tlsUsed: 'Yes', deliveryTime: 150 + rng.int(5000) };
      case 'spam':
        return { ...base, subType: 'Spam', senderEnvelope: sender, recipients: recipient, subject: subject(rng), spamScore: 5 + rng.int(15), action: 'Hold' };
      case 'url protect':
        return { ...base, subType: 'Block', recipients: recipient, url: `https://login-microsoftonline.example/auth?session=${rng.int(1_000_000)}`, urlCategory: 'Phishing & Fraud', scanResult: 'malicious', action: 'Block' };
      case 'av':
        return { ...base, subType: 'Virus', senderEnvelope: sender, recipients: recipient, fileName: `invoice_${rng.int(9999)}.xlsm`, sha256: createHash('sha256').update(`av:${k}`).digest('hex'), virusFound: 'Macro.Downloader', action: 'Reject' };
      case 'attachment protect':
        return { ...base, subType: 'Malicious', senderEnvelope: sender, recipients: recipient, fileName: `scan_${rng.int(9999)}.iso`, fileExtension: 'iso', sha256: createHash('sha256').update(`ap:${k}`).digest('hex'), action: 'Block' };
      case 'impersonation protect':
        return { ...base, subType: 'Hold', senderEnvelope: externalAddress(rng, true), recipients: recipient, subject: subject(rng), similarDomain: 'simulated-tenant.example', hits: 2 + rng.int(3), action: 'Hold' };
      case 'internal email protect':
        return { ...base, subType: 'Clean', senderEnvelope: internalAddress(rng), recipients: internalAddress(rng), subject: subject(rng), scanResults: 'clean', action: 'None' };
      case 'journal':
        return { ...base, subType: 'Journal', senderEnvelope: sender, recipients: recipient, subject: subject(rng) };
    }
  }
};

const STREAM_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

interface StreamToken {
  /** The next lattice index to serve. */
  k: number;
  /** Exclusive upper lattice index when the request had dateRangeEndsAt. */
  e?: number;
  /** The types filter the token was issued for. */
  t: string;
}

const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

/** The @nextPage token for a stream position; exported so benchmarks can start exactly N events behind the head. */
export function siemStreamToken(k: number, types = ''): string {
  return Buffer.from(JSON.stringify({ k, t: types } satisfies StreamToken)).toString('base64url');
}

/** The lattice index of the oldest and one past the newest live event. */
export function siemHead(series: TimeSeries<unknown>, now: number): { lo: number; hi: number } {
  return series.range(now - SIEM_RETENTION_MS, Number.POSITIVE_INFINITY, now);
}

/** A SIEM event stream endpoint (CG, CI): the same paging, tokens, retention and errors over any event series. */
export function siemStreamEndpoint<T extends { timestamp: number }>(o: { path: string; spec: SeriesSpec<T>; types: readonly string[]; kind: (event: T) => string }) {
  return defineEndpoint({
  method: 'GET',
  path: o.path,
  dataSets: [o.spec],
  handle(ctx) {
    const q = ctx.query;
    const sizeRaw = q.get('pageSize');
    const pageSize = sizeRaw === null ? 100 : Number(sizeRaw);
    if (!Number.isInteger(pageSize) || pageSize < 1) return error(400, 'invalid_page_size', 'pageSize must be a positive integer');
    const typesRaw = q.get('types') ?? '';
    const types = typesRaw === '' ? undefined : typesRaw.split(',').map((t) => t.trim());
    const unknownType = types?.find((t) => !o.types.includes(t));
    if (unknownType !== undefined) return error(400, 'invalid_type', `Unknown event type "${unknownType}"`);

    const series = ctx.series(o.spec);
    const live = siemHead(series, ctx.now);
    let start: number;
    let end: number | undefined;
    const nextPage = q.get('nextPage');
    if (nextPage !== null) {
      let token: StreamToken;
      try {
        token = JSON.parse(Buffer.from(nextPage, 'base64url').toString('utf8')) as StreamToken;
      } catch {
        return error(400, 'invalid_next_page', 'nextPage is not a valid token');
      }
      if (typeof token !== 'object' || token === null || !Number.isInteger(token.k) || token.t !== typesRaw) {
        return error(400, 'invalid_next_page', 'nextPage is not valid for this request; send the same types');
      }
      // A token older than the retention silently continues at the oldest retained event, as a
      // stream does: the events in between are gone. Clients must notice that themselves.
      start = Math.max(token.k, live.lo);
      end = token.e;
    } else {
      const from = q.get('dateRangeStartsAt');
      const to = q.get('dateRangeEndsAt');
      if (from === null) return error(400, 'missing_parameter', 'dateRangeStartsAt or nextPage is required');
      for (const [name, value] of [['dateRangeStartsAt', from], ['dateRangeEndsAt', to]] as const) {
        if (value !== null && !STREAM_DATE.test(value)) return error(400, 'invalid_date_format', `${name} must look like 2026-01-01T00:00:00.000Z`);
      }
      const fromMs = Date.parse(from);
      const toMs = to === null ? undefined : Date.parse(to);
      if (fromMs < ctx.now - SIEM_RETENTION_MS) return error(400, 'invalid_date_range', 'dateRangeStartsAt must be within the last 24 hours');
      if (toMs !== undefined && toMs < fromMs) return error(400, 'invalid_date_range', 'dateRangeEndsAt must not be before dateRangeStartsAt');
      const r = series.range(fromMs, toMs ?? Number.POSITIVE_INFINITY, ctx.now);
      start = r.lo;
      end = toMs === undefined ? undefined : r.hi;
    }
    const head = end === undefined ? live.hi : Math.min(end, live.hi);
    const size = Math.min(pageSize, SIEM_MAX_PAGE_SIZE);
    const value: T[] = [];
    let k = start;
    // A types filter scans; the scan per page is bounded so one call stays cheap.
    for (let scanned = 0; k < head && value.length < size && scanned < size * 50; k++, scanned++) {
      const event = series.record(k);
      if (types === undefined || types.includes(o.kind(event))) value.push(event);
    }
    const next: StreamToken = { k, t: typesRaw, ...(end !== undefined ? { e: end } : {}) };
    const nextPageToken = Buffer.from(JSON.stringify(next)).toString('base64url');
    // @nextLink: the next page's request (its exact form in Mimecast is not published; @nextPage is what clients use).
    const nextLink = `${ctx.path}?${new URLSearchParams({ nextPage: nextPageToken, pageSize: String(pageSize), ...(typesRaw ? { types: typesRaw } : {}) }).toString()}`;
    return {
      status: 200,
      body: { '@nextLink': nextLink, '@nextPage': nextPageToken, pageSize: value.length, isCaughtUp: k >= head, value }
    };
  }
});
}

export default siemStreamEndpoint({ path: '/siem/v1/events/cg', spec: siemEvents, types: SIEM_TYPES, kind: (event) => event.eventType });
