import { ok } from '../envelope.js';
import { defineEndpoint } from '../router.js';

/** The simulated tenant. Fixed values: the connector's connection test and metadata read these. */
export const ACCOUNT = {
    accountCode: 'CDE22A102',
    accountName: 'Simulated Tenant Ltd',
    region: 'eu',
    mimecastId: '01-0102-00245',
    userCount: 1250,
    packages: [
        'Email Security Cloud Gateway - Advanced [1076]',
        'Targeted Threat Protection - URL Protect [1033]',
        'Targeted Threat Protection - Attachment Protect [1034]',
        'Targeted Threat Protection - Impersonation Protect [1035]',
        'Data Leak Prevention [1019]',
        'Mimecast Cloud Archive [1021]',
        'Awareness Training [1088]',
        'Audit Events [1052]'
    ],
    gateway: true,
    archive: true,
    maxRetention: 2555,
    maxRetentionConfirmed: true,
    minRetentionEnabled: false,
    automatedSegmentPurge: true,
    type: 'full',
    policyInheritance: false,
    searchReason: false,
    supportCode: 'SIM-4471',
    databaseCode: 'eu-sim-01',
    adminSessionTimeout: 60,
    // Keys a real tenant's answer carries (published recording), with neutral values.
    passphrase: '',
    contentAdministratorDefaultView: 'Metadata',
    exportApi: false,
    adminEmail: '',
    contactEmail: 'admin@simulated-tenant.example',
    domain: '',
    exgestAllowQuery: false,
    exgestAllowExtraction: true,
    expressAccount: false,
    cybergraphV2Enabled: false,
    contactName: 'Simulated Administrator',
    telephone: '+44 20 0000 0000'
};

export default defineEndpoint({
    path: '/api/account/get-account',
    handle: () => ok([ACCOUNT])
});
