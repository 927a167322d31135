// A batch of records as the local host saves it: serialized once, when the function saves it, in one
// JSON.stringify of the whole array (as Nango's batchSave sends a batch to its records service), and cut
// into each record's own JSON by the store's thread, which saves one row per record.
/** A record as saved: its id and its JSON. */
export interface RecordRow {
    id: string;
    data: string;
}

/**
 * A batch of records as saved: their ids, in order, and the JSON of the array of them. What is saved is
 * the records as they were when the batch was made.
 */
export interface RecordBatch {
    ids: string[];
    json: string;
}

/**
 * Serializes a batch in one JSON.stringify of the whole array, as Nango's batchSave sends it to its
 * records service. One call for the batch costs about a third less than one per record (V8 sets up its
 * writer once), and a page's JSON is one string that reaches the store's thread in one copy.
 */
export function toBatch(records: Record<string, unknown>[], ids: string[] = records.map((record) => String(record['id']))): RecordBatch {
    return { ids, json: JSON.stringify(records) };
}

/** The batch as rows: each record's own JSON, cut out of the batch's JSON (the same text JSON.stringify gives the record). */
export function batchRows(batch: RecordBatch): RecordRow[] {
    const texts = splitJsonArray(batch.json);
    if (texts.length !== batch.ids.length) {
        throw new Error(`a batch of ${batch.ids.length} ids holds ${texts.length} records`);
    }
    return texts.map((data, i) => ({ id: batch.ids[i]!, data }));
}

/**
 * The elements of a JSON array as JSON.stringify writes it (no whitespace), each as its own text. A
 * comma separates two elements only outside strings and at the array's own depth; a string is skipped
 * to its closing quote, the first one not escaped by an odd run of backslashes.
 */
export function splitJsonArray(json: string): string[] {
    const elements: string[] = [];
    if (json.charCodeAt(0) !== 0x5b) {
        throw new Error('not a JSON array');
    }
    let depth = 0;
    let start = 1;
    for (let i = 1; i < json.length; i++) {
        const c = json.charCodeAt(i);
        if (c === 0x22) {
            i = closingQuote(json, i);
        } else if (c === 0x7b || c === 0x5b) {
            depth += 1;
        } else if (c === 0x7d || c === 0x5d) {
            if (depth === 0) {
                if (i > start) {
                    elements.push(json.slice(start, i));
                }
                return elements;
            }
            depth -= 1;
        } else if (c === 0x2c && depth === 0) {
            elements.push(json.slice(start, i));
            start = i + 1;
        }
    }
    throw new Error('unterminated JSON array');
}

/** The index of the quote that closes the string opening at `open`. */
function closingQuote(json: string, open: number): number {
    for (let from = open + 1; ;) {
        const quote = json.indexOf('"', from);
        if (quote === -1) {
            throw new Error('unterminated JSON string');
        }
        let backslashes = 0;
        while (json.charCodeAt(quote - 1 - backslashes) === 0x5c) {
            backslashes += 1;
        }
        if (backslashes % 2 === 0) {
            return quote;
        }
        from = quote + 1;
    }
}
