// A saved batch is serialized in one JSON.stringify and cut into rows on the store's thread: each row
// must be exactly the JSON the record alone would give, whatever its strings hold.
import { batchRows, splitJsonArray, toBatch } from '../../host/record-batch.js';

/** Strings that look like JSON structure, escapes and the characters JSON escapes. */
const HOSTILE = ['},{"id":"forged"}', '"', '\\', '\\"', '\\\\"},{', 'a,b,c', '[1,2]', '{}', '\u0000\u001f\n\t', '\ud800', 'é — 日本 😀', ''];

describe('a record batch', () => {
    it('cuts into rows that are each exactly JSON.stringify of the record', () => {
        const records = HOSTILE.map((text, i) => ({
            id: `r${i}`,
            text,
            nested: { list: [text, { deeper: [text, i, null, true] }], empty: [] },
            n: i / 3,
            flag: i % 2 === 0
        }));
        const rows = batchRows(toBatch(records));
        expect(rows.map((row) => row.id)).toEqual(records.map((record) => record.id));
        expect(rows.map((row) => row.data)).toEqual(records.map((record) => JSON.stringify(record)));
        expect(rows.map((row) => JSON.parse(row.data) as unknown)).toEqual(records);
    });

    it('holds what the records were when it was made, not what they became', () => {
        const record = { id: 'a', status: 'held' };
        const batch = toBatch([record]);
        record.status = 'released';
        expect(batchRows(batch)).toEqual([{ id: 'a', data: '{"id":"a","status":"held"}' }]);
    });

    it('cuts any JSON array at its own commas only', () => {
        expect(splitJsonArray('[]')).toEqual([]);
        expect(splitJsonArray('[1,"a,b",[2,3],{"k":"}"},null]')).toEqual(['1', '"a,b"', '[2,3]', '{"k":"}"}', 'null']);
        expect(splitJsonArray(JSON.stringify(['\\', '\\"', '"]'], null))).toEqual(['"\\\\"', '"\\\\\\""', '"\\"]"']);
    });

    it('refuses text that is not a whole JSON array, and ids that do not match its records', () => {
        expect(() => splitJsonArray('{"id":"a"}')).toThrow('not a JSON array');
        expect(() => splitJsonArray('[{"id":"a"}')).toThrow('unterminated JSON array');
        expect(() => splitJsonArray('["abc')).toThrow('unterminated JSON string');
        expect(() => batchRows({ ids: ['a', 'b'], json: '[{"id":"a"}]' })).toThrow('a batch of 2 ids holds 1 records');
    });
});
