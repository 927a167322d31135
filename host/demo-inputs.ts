// The actions `npm start` runs: only read-only ones, each with an input that works against the
// simulator. Actions that change a tenant (block, release, delete, ...) are never run by `npm start`.
export const READ_ONLY_ACTIONS: Record<string, unknown> = {
    'get-account': {},
    'list-internal-domains': {},
    'find-groups': { query: 'Senders' },
    'search-messages': { searchReason: 'Connector demo (npm start)', advancedTrackAndTraceOptions: { route: 'inbound' } },
    'decode-url': { url: 'https://protect-eu.mimecast.com/s/aHR0cHM6Ly93d3cuZXhhbXBsZS5jb20vaW52b2ljZT9pZD00Mg?domain=www.example.com' }
};
