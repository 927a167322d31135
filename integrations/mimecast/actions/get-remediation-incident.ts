// One threat remediation incident with its progress (identified, removed, failed, restored).
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/remediation/get-incident/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { remediationIncidentId } from '../helpers/inputs.js';
import { RemediationIncident, toRemediationIncident } from '../helpers/messages.js';

const GetRemediationIncidentInput = z
    .object({
        /** The incident id returned by create-remediation-incident. */
        id: remediationIncidentId
    })
    .strict();

const PATH = '/api/ttp/remediation/get-incident';

const action = createAction({
    description: 'Returns a threat remediation incident: its search criteria and how many messages were identified, removed, failed and restored.',
    version: '1.0.0',
    scopes: ['Services | Threat Remediation | Read'],
    endpoint: { method: 'GET', path: '/remediation/incident', group: 'Remediation' },
    input: GetRemediationIncidentInput,
    output: RemediationIncident,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, GetRemediationIncidentInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { id: input.id } });
            return toRemediationIncident(firstItem(page, PATH));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;
