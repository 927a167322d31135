// The checker itself: a valid event passes, and each kind of mistake is reported at its path.
import { describeWithShared, sharedPath } from '../shared.js';
import { OCSF_FILES, OcsfSchema } from './checker.js';
import type { Finding } from './checker.js';

describeWithShared('OCSF checker (OCSF 1.8.0 definitions from ../shared)', OCSF_FILES, () => {
    let schema: OcsfSchema;
    beforeAll(() => {
        schema = new OcsfSchema(sharedPath('reference/ocsf-1.8.0'));
    });

    /** A hand-written valid Email Activity: Receive event. */
    const valid = (): Record<string, unknown> => ({
        class_uid: 4009,
        class_name: 'Email Activity',
        category_uid: 4,
        category_name: 'Network Activity',
        activity_id: 2,
        activity_name: 'Receive',
        type_uid: 400902,
        severity_id: 1,
        severity: 'Informational',
        time: 1731621865697,
        metadata: { version: '1.8.0', product: { name: 'Mimecast Email Security', vendor_name: 'Mimecast' } },
        direction_id: 1,
        email: { from: 'sender@example.com', to: ['a@example.com', 'b@example.com'], subject: 'hello' },
        src_endpoint: { ip: '192.0.2.10' }
    });
    const check = (event: unknown): Finding[] => schema.check(event);
    const one = (event: unknown): Finding => {
        const findings = check(event);
        expect(findings).toHaveLength(1);
        return findings[0]!;
    };

    it('reads class uids from the categories and the event files', () => {
        expect(schema.version).toBe('1.8.0');
        expect(schema.classUid('email_activity')).toBe(4009);
        expect(schema.classUid('authentication')).toBe(3002);
        expect(schema.classUid('account_change')).toBe(3001);
        expect(schema.classUid('api_activity')).toBe(6003);
        expect(schema.classUid('detection_finding')).toBe(2004);
        // Detection Finding's finding_info comes from finding.json, its metadata and time from base_event.json.
        const df = schema.resolveClass('detection_finding');
        expect(df.attributes['finding_info']?.requirement).toBe('required');
        expect(df.attributes['time']?.requirement).toBe('required');
        // security_control's attributes arrive through base_event's $include, marked with their profile.
        expect(df.attributes['disposition_id']?.profile).toBe('security_control');
        // ...unless the class makes them its own ("profile": null).
        expect(df.attributes['is_alert']?.profile).toBeNull();
    });

    it('accepts a valid event, and anything under unmapped', () => {
        expect(check(valid())).toEqual([]);
        expect(check({ ...valid(), unmapped: { tlsCipher: 'TLS_AES_256_GCM_SHA384', nested: { anything: [1, 'two'] } } })).toEqual([]);
    });

    it('reports an enum id that is not a key of the enum', () => {
        expect(one({ ...valid(), direction_id: 7 })).toEqual({
            path: 'direction_id',
            message: expect.stringMatching(/direction_id: 7 is not one of its enum ids \(0, 1, 2, 3, 4, 99\)/)
        });
        expect(one({ ...valid(), severity_id: 9 }).path).toBe('severity_id');
        // An activity of another class is not one of this class (Authentication's 6, Preauth, is not an Email Activity).
        expect(check({ ...valid(), activity_id: 6, type_uid: 400906, activity_name: undefined }).map((f) => f.path)).toEqual(['activity_id']);
    });

    it('reports a missing required attribute, on the event and inside objects', () => {
        const { email: _email, ...noEmail } = valid();
        expect(one(noEmail)).toEqual({ path: 'email', message: 'missing required attribute email of Email Activity' });
        const { product: _p, ...noProduct } = valid()['metadata'] as Record<string, unknown>;
        expect(one({ ...valid(), metadata: noProduct })).toEqual({ path: 'metadata.product', message: 'missing required attribute product of Metadata' });
        // file.type_id is required (objects/file.json); the file sits in email.files[].
        expect(one({ ...valid(), email: { from: 'sender@example.com', files: [{ name: 'a.pdf' }] } })).toEqual({
            path: 'email.files[0].type_id',
            message: 'missing required attribute type_id of File'
        });
    });

    it('reports values of the wrong type, following the dictionary types to their base type', () => {
        expect(one({ ...valid(), time: '2024-11-14T22:04:25Z' })).toEqual({ path: 'time', message: expect.stringContaining('expected timestamp_t (long_t)') });
        expect(one({ ...valid(), email: { from: 'not an address' } })).toEqual({
            path: 'email.from',
            message: expect.stringContaining('does not match the email_t pattern')
        });
        expect(one({ ...valid(), src_endpoint: { ip: '999.1.1.1' } }).path).toBe('src_endpoint.ip');
        expect(one({ ...valid(), email: { from: 'sender@example.com', to: 'a@example.com' } })).toEqual({
            path: 'email.to',
            message: expect.stringContaining('is an array of email_t')
        });
        expect(one({ ...valid(), email: { from: 'sender@example.com', size: 1.5 } }).path).toBe('email.size');
        expect(one({ ...valid(), metadata: { version: '1.8.0', product: 'Mimecast' } })).toEqual({
            path: 'metadata.product',
            message: expect.stringContaining('is a product object')
        });
        expect(one({ ...valid(), time: 1731621865 })).toEqual({ path: 'time', message: expect.stringContaining('not epoch milliseconds') });
        expect(one({ ...valid(), email: { from: 'sender@example.com', subject: null } })).toEqual({
            path: 'email.subject',
            message: expect.stringContaining('null')
        });
    });

    it('refuses unknown attributes, with their path', () => {
        expect(one({ ...valid(), tlsCipher: 'TLS_AES_256_GCM_SHA384' })).toEqual({
            path: 'tlsCipher',
            message: expect.stringContaining('unknown attribute: Email Activity has no tlsCipher')
        });
        expect(one({ ...valid(), email: { from: 'sender@example.com', spamScore: 3 } }).path).toBe('email.spamScore');
        // tls belongs to the Network class family, which Email Activity does not extend.
        expect(one({ ...valid(), tls: { version: 'TLSv1.3' } }).path).toBe('tls');
    });

    it('checks object constraints (at_least_one, just_one as replaced down the extends chain)', () => {
        expect(one({ ...valid(), email: { subject: 'no addresses' } })).toEqual({ path: 'email', message: 'Email needs at least one of from, to' });
        expect(one({ ...valid(), src_endpoint: { port: 25 } })).toEqual({
            path: 'src_endpoint',
            message: expect.stringContaining('Network Endpoint needs at least one of ip, uid, name')
        });
        // file.json replaces _entity's name/uid constraint with none: a file with only a name and a type is fine.
        expect(check({ ...valid(), email: { from: 'sender@example.com', files: [{ name: 'a.pdf', type_id: 1 }] } })).toEqual([]);
    });

    it('allows profile attributes only when metadata.profiles lists the profile, and only profiles the class supports', () => {
        const withAction = { ...valid(), action_id: 2, action: 'Denied', disposition_id: 25, disposition: 'Rejected' };
        expect(check(withAction).map((f) => f.message)).toEqual([
            'action_id belongs to the security_control profile, which metadata.profiles does not list',
            'action belongs to the security_control profile, which metadata.profiles does not list',
            'disposition_id belongs to the security_control profile, which metadata.profiles does not list',
            'disposition belongs to the security_control profile, which metadata.profiles does not list'
        ]);
        const metadata = { ...(valid()['metadata'] as object), profiles: ['security_control'] };
        expect(check({ ...withAction, metadata })).toEqual([]);
        expect(one({ ...valid(), metadata: { ...metadata, profiles: ['network_proxy'] } })).toEqual({
            path: 'metadata.profiles',
            message: expect.stringContaining('does not support profile network_proxy')
        });
    });

    it('checks the classification arithmetic, the version and the captions', () => {
        expect(one({ ...valid(), type_uid: 400901 })).toEqual({ path: 'type_uid', message: 'must be class_uid * 100 + activity_id = 400902, is 400901' });
        expect(one({ ...valid(), category_uid: 2 }).path).toBe('category_uid');
        expect(one({ ...valid(), activity_name: 'Send' })).toEqual({
            path: 'activity_name',
            message: 'must be the caption of activity_id 2, "Receive", is "Send"'
        });
        expect(one({ ...valid(), class_name: 'Email' }).path).toBe('class_name');
        expect(one({ ...valid(), metadata: { version: '1.7.0', product: { name: 'x' } } }).path).toBe('metadata.version');
        expect(one({ ...valid(), class_uid: 4099, type_uid: 409902 })).toEqual({
            path: 'class_uid',
            message: expect.stringContaining('4099 is not the class_uid')
        });
    });

    it('reports deprecated attributes and classes', () => {
        expect(one({ ...valid(), email: { from: 'sender@example.com', smtp_from: 'sender@example.com' } })).toEqual({
            path: 'email.smtp_from',
            message: expect.stringContaining('deprecated since')
        });
        const fileActivity = schema.classUid('email_file_activity');
        const findings = check({
            ...valid(),
            class_uid: fileActivity,
            type_uid: fileActivity * 100 + 1,
            activity_id: 1,
            activity_name: undefined,
            class_name: undefined,
            email: undefined
        });
        expect(findings.map((f) => f.message).join('\n')).toContain('class Email File Activity is deprecated since 1.3.0');
    });
});
