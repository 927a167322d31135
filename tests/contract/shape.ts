// The simulator is held to the published samples: for every key a sample's record has, the simulator's
// record has the same key with a value of the same JSON type (recursively). The simulator may add keys
// no sample shows; it may never lack one a sample has, or send it as another type.

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonType(value: unknown): JsonType {
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return 'array';
    }
    return typeof value as JsonType;
}

/**
 * The differences that matter, as readable paths: `data[0].clickLogs[].url: missing`,
 * `meta.status: number expected, got string`. Arrays are compared element-wise against the union of the
 * sample's elements' keys; an empty array on either side says nothing about element shape.
 */
export function shapeDifferences(sample: unknown, simulated: unknown, path = '$'): string[] {
    const expected = jsonType(sample);
    const actual = jsonType(simulated);
    // null in a sample says only that the key exists; any type satisfies it.
    if (expected === 'null') {
        return [];
    }
    if (expected !== actual) {
        return [`${path}: ${expected} expected, got ${actual}`];
    }
    if (expected === 'array') {
        const samples = sample as unknown[];
        const simulatedItems = simulated as unknown[];
        if (samples.length === 0 || simulatedItems.length === 0) {
            return [];
        }
        const merged = mergeSamples(samples);
        return simulatedItems.flatMap((item, i) => (i < 3 ? shapeDifferences(merged, item, `${path}[]`) : []));
    }
    if (expected === 'object') {
        const out: string[] = [];
        const actualObject = simulated as Record<string, unknown>;
        const nullable = NULLABLE_KEYS.get(sample as object);
        for (const [key, value] of Object.entries(sample as Record<string, unknown>)) {
            if (!(key in actualObject)) {
                out.push(`${path}.${key}: missing`);
                continue;
            }
            // A key null in one element of the sample list and set in another (a DMARC result's `aligned`) may be either.
            if (actualObject[key] === null && nullable?.has(key)) {
                continue;
            }
            out.push(...shapeDifferences(value, actualObject[key], `${path}.${key}`));
        }
        return out;
    }
    return [];
}

/** Per merged sample object, the keys that are null in some element of its list. */
const NULLABLE_KEYS = new WeakMap<object, Set<string>>();

/** One object with every key any sample element has (the first non-null value per key), for mixed lists. */
function mergeSamples(samples: unknown[]): unknown {
    if (!samples.every((s) => jsonType(s) === 'object')) {
        return samples[0];
    }
    const merged: Record<string, unknown> = {};
    const nullable = new Set<string>();
    for (const sample of samples as Record<string, unknown>[]) {
        for (const [key, value] of Object.entries(sample)) {
            if (value === null) {
                nullable.add(key);
            }
            if (!(key in merged) || merged[key] === null) {
                merged[key] = value;
            }
        }
    }
    NULLABLE_KEYS.set(merged, nullable);
    return merged;
}
