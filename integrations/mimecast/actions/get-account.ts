// The Mimecast account behind the connection: a cheap read that proves the credentials work.
// https://developer.services.mimecast.com/docs/account/1/routes/api/account/get-account/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { noInput } from '../helpers/inputs.js';
import { optionalBoolean, optionalNumber, optionalString, requiredString } from '../helpers/records.js';

const GetAccountInput = noInput;

const Account = z.object({
    accountCode: z.string(),
    accountName: z.string(),
    region: z.string().optional(),
    mimecastId: z.string().optional(),
    userCount: z.number().optional(),
    packages: z.array(z.string()),
    gateway: z.boolean().optional(),
    archive: z.boolean().optional(),
    type: z.string().optional(),
    maxRetention: z.number().optional()
});

const action = createAction({
    description: 'Returns the Mimecast account of the connection: code, name, region, licensed packages and user count.',
    version: '1.0.0',
    scopes: ['Account | Dashboard | Read'],
    endpoint: { method: 'GET', path: '/account', group: 'Account' },
    input: GetAccountInput,
    output: Account,

    exec: async (nango, input) => {
        parseInput(nango, GetAccountInput, input);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: '/api/account/get-account' });
            const raw = firstItem(page, '/api/account/get-account');
            return {
                accountCode: requiredString(raw, 'accountCode'),
                accountName: requiredString(raw, 'accountName'),
                region: optionalString(raw, 'region'),
                mimecastId: optionalString(raw, 'mimecastId'),
                userCount: optionalNumber(raw, 'userCount'),
                packages: Array.isArray(raw['packages']) ? raw['packages'].filter((p): p is string => typeof p === 'string') : [],
                gateway: optionalBoolean(raw, 'gateway'),
                archive: optionalBoolean(raw, 'archive'),
                type: optionalString(raw, 'type'),
                maxRetention: optionalNumber(raw, 'maxRetention')
            };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;
