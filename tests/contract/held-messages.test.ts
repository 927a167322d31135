// held-messages, release-held-message and reject-held-messages against the Cortex XSOAR integration's
// published answers: the hold queue flat in data[] (from/fromHeader/to as mailbox objects), and the
// per-id `{id, release}` / `{id, reject}` results.
import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

type Held = { meta: { pagination: { next: string } }; data: { id: string }[] };

describe('contract: held-messages sync (demisto sample)', () => {
    it('asks for every recipient (admin), follows next, and saves what an analyst reviews', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Held>('get-hold-message-list.demisto');
        const api = nock(TEST_BASE)
            .post('/api/gateway/get-hold-message-list', { meta: { pagination: { pageSize: 100 } }, data: [{ admin: true }] })
            .reply(200, body)
            .post('/api/gateway/get-hold-message-list', {
                meta: { pagination: { pageSize: 100, pageToken: body.meta.pagination.next } },
                data: [{ admin: true }]
            })
            .reply(200, envelope([]));

        const result = await t.runSync('held-messages');

        expect(api.isDone()).toBe(true);
        expect(result.models['HeldMessage']).toMatchObject({ added: 10 });
        const held = t.records('HeldMessage');
        expect(held[0]).toEqual({
            id: body.data[0]!.id,
            reason: 'Message Hold Applied - Spam Signature policy',
            reasonId: 'MESSAGE_HOLD_APPLIED_SPAM_SIGNATURE_POLICY',
            reasonCode: 'message_hold_applied_spam_signature_policy',
            from: 'dbnotes@innovation-asylum.b41.one',
            fromHeader: 'dbnotes@innovation-asylum.b41.one',
            to: 'caroline@paloaltonetworks.mime.integration.com',
            toName: 'e-mail_',
            subject: '#FACS/DATA REUTERS BENCHMARK BONDS AS OF Dec 24, 2001',
            route: 'INBOUND',
            hasAttachments: false,
            size: 7543,
            dateReceived: '2022-08-01T13:10:54.000Z',
            policyInfo: 'Relaxed Spam Detection'
        });
        expect(new Set(held.map((h) => h['to'])).size).toBe(10);
    });
});

describe('contract: release-held-message (demisto sample)', () => {
    it('reports the release Mimecast confirmed for the id', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Held>('hold-release.demisto');
        const id = body.data[0]!.id;
        nock(TEST_BASE)
            .post('/api/gateway/hold-release', { data: [{ id }] })
            .reply(200, body);

        await expect(t.runAction('release-held-message', { id })).resolves.toEqual({ id, released: true });
    });
});

describe('contract: reject-held-messages (demisto sample)', () => {
    it('reports the id Mimecast rejected, and one it left out of its answer as not rejected', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Held>('hold-reject.demisto');
        const id = body.data[0]!.id;
        nock(TEST_BASE)
            .post('/api/gateway/hold-reject', { data: [{ ids: [id, 'other-id'], reasonType: 'MESSAGE_CONTAINS_UNDESIRABLE_CONTENT', notify: true }] })
            .reply(200, body);

        await expect(
            t.runAction('reject-held-messages', { ids: [id, 'other-id'], reasonType: 'MESSAGE_CONTAINS_UNDESIRABLE_CONTENT', notify: true })
        ).resolves.toEqual({
            results: [
                { id, rejected: true },
                { id: 'other-id', rejected: false }
            ],
            rejectedCount: 1,
            failedCount: 1,
            allSucceeded: false
        });
    });
});
