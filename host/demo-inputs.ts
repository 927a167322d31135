// The actions `npm start` runs: only read-only ones, each with an input that works against the
// simulator. Actions that change a tenant (block, release, delete, ...) are never run by `npm start`.
export const READ_ONLY_ACTIONS: Record<string, unknown> = {
    'get-account': {}
};
