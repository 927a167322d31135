// The built-ins the per-record helpers call, taken once when the bundle loads. Nango runs a function in
// a vm context (and so does the local host): there every use of a global such as `Object` or `JSON` is
// resolved through the context object, several times slower than a local variable, which shows in loops
// over 500 records a page. Module-level bindings are locals of the bundle.
export const { isArray } = Array;
export const { keys: objectKeys, values: objectValues, entries: objectEntries } = Object;
export const { stringify: toJson } = JSON;
export const { isFinite: isFiniteNumber, isNaN: isNotANumber } = Number;
export const { parse: parseDate } = Date;
export const { floor, max } = Math;
/** `new NativeDate(...)` is `new Date(...)` without the global lookup. */
export const NativeDate = Date;
export const NativeSet = Set;
export const NativeMap = Map;
export const toText = String;
export const toNumber = Number;

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !isArray(value);
}
