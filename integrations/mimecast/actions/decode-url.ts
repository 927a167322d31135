// Decodes a URL Protect rewritten link (https://protect-xx.mimecast.com/s/...) back to the original URL,
// e.g. to investigate a link a user reported.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/url/decode-url/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem, MimecastError } from '../helpers/api.js';
import { httpUrl } from '../helpers/inputs.js';
import { optionalString } from '../helpers/records.js';

const PATH = '/api/ttp/url/decode-url';

const DecodeUrlInput = z
    .object({
        /** The rewritten URL as it appears in the message (https://protect-xx.mimecast.com/s/...), at most 2,048 characters. */
        url: httpUrl()
    })
    .strict();

const DecodeUrlOutput = z.object({
    /** The rewritten URL that was decoded. */
    encodedUrl: z.string(),
    /** The original URL. */
    url: z.string()
});

const action = createAction({
    description: 'Decodes a Mimecast URL Protect rewritten link back to the original URL.',
    version: '1.0.1',
    scopes: ['Services | Targeted Threat Protection - URL Protect | Read'],
    endpoint: { method: 'POST', path: '/decode-url', group: 'URL Protect' },
    input: DecodeUrlInput,
    output: DecodeUrlOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, DecodeUrlInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { url: input.url } });
            const raw = firstItem(page, PATH);
            const url = optionalString(raw, 'url');
            // data[0].success is false when Mimecast could not decode the link.
            if (raw['success'] === false || url === undefined) {
                throw new MimecastError({ code: 'err_url_not_decoded', message: 'Mimecast could not decode this URL', field: 'url' });
            }
            return { encodedUrl: input.url, url };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;
