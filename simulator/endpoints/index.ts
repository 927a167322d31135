import type { Endpoint } from '../router.js';
import account from './account.js';
import auditEvents from './audit-events.js';
import ttpUrlLogs from './ttp-url-logs.js';
import ttpAttachmentLogs from './ttp-attachment-logs.js';
import ttpImpersonationLogs from './ttp-impersonation-logs.js';
import dlpLogs from './dlp-logs.js';
import heldReleaseLogs from './held-release-logs.js';
import archiveSearchLogs from './archive-search-logs.js';
import archiveViewLogs from './archive-view-logs.js';
import siemEvents from './siem-events.js';
import siemBatch from './siem-batch.js';
import siemCiEvents from './siem-ci-events.js';
import blockedSenderPolicies from './blocked-sender-policies.js';
import managedSenders from './managed-senders.js';
import managedUrls from './managed-urls.js';
import directory from './directory.js';
import heldMessages from './held-messages.js';
import messageFinder from './message-finder.js';
import remediation from './remediation.js';
import heldSummary from './held-summary.js';
import emailQueues from './email-queues.js';
import processingMessages from './processing-messages.js';
import archiveSearch from './archive-search.js';
import directoryGroups from './directory-groups.js';
import policyManagement from './policy-management.js';
import addressAlteration from './address-alteration.js';
import threatIntel from './threat-intel.js';
import awareness from './awareness.js';
import remediationIncidents from './remediation-incidents.js';

/** Every simulated endpoint. Adding one = a file in this folder + one line here. */
export const endpoints: readonly Endpoint[] = [
    account,
    auditEvents,
    ttpUrlLogs,
    ttpAttachmentLogs,
    ttpImpersonationLogs,
    dlpLogs,
    heldReleaseLogs,
    archiveSearchLogs,
    archiveViewLogs,
    siemEvents,
    siemCiEvents,
    siemBatch,
    ...managedUrls,
    ...managedSenders,
    ...blockedSenderPolicies,
    ...directory,
    ...heldMessages,
    ...messageFinder,
    ...remediation,
    heldSummary,
    emailQueues,
    processingMessages,
    archiveSearch,
    ...directoryGroups,
    ...policyManagement,
    ...addressAlteration,
    threatIntel,
    ...awareness,
    remediationIncidents
];
