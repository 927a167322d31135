// The sandbox's gzip decoder (helpers/gunzip.ts) against Node's zlib: the same bytes out for stored,
// fixed and dynamic blocks, every header flag, several members; clear errors for a bad CRC, a bad size,
// cut-off input and garbage; NDJSON lines as Mimecast's batch files carry them.
import { constants, deflateRawSync, gunzipSync, gzipSync, type ZlibOptions } from 'node:zlib';

import { crc32, GunzipError, gunzipChunks, gunzipLines, LINE_TOO_LONG } from '../../integrations/mimecast/helpers/gunzip.js';

/** Everything gunzipChunks yields, copied (its chunks are views into a reused buffer). */
function gunzipAll(input: Uint8Array): Buffer {
    const parts: Buffer[] = [];
    for (const chunk of gunzipChunks(input)) {
        parts.push(Buffer.from(chunk));
    }
    return Buffer.concat(parts);
}

/** What came out before an error, and the error. */
function gunzipUntilError(input: Uint8Array): { out: Buffer; error: unknown } {
    const parts: Buffer[] = [];
    try {
        for (const chunk of gunzipChunks(input)) {
            parts.push(Buffer.from(chunk));
        }
        return { out: Buffer.concat(parts), error: undefined };
    } catch (error) {
        return { out: Buffer.concat(parts), error };
    }
}

/** Deterministic PRNG (mulberry32) so a failing case can be replayed from its seed. */
function rng(seed: number) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
}

/** NDJSON like a Mimecast batch file: one SIEM event per line. */
function siemLines(count: number, seed = 1): string {
    const next = rng(seed);
    const types = ['receipt', 'process', 'delivery', 'spam', 'url protect'];
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
        lines.push(
            JSON.stringify({
                aggregateId: `J5JwSy0HNvG7AvCg1sgDvQ_${1715708284 + i}`,
                processingId: `hP5f7mBanAVkWJWfh4vYvca3zOi9I3jROBmH3Z_Kysk_${Math.floor(next() * 1e10)}`,
                accountId: 'CDE22A102',
                timestamp: 1715708287466 + i * 613,
                type: types[Math.floor(next() * types.length)],
                subtype: next() < 0.5 ? 'Allow' : 'Hld',
                senderEnvelope: `user${Math.floor(next() * 500)}@example.com`,
                subject: `Invoice ${Math.floor(next() * 100000)} — résumé ✓`,
                _offset: 105825 + i,
                _partition: 137
            })
        );
    }
    return `${lines.join('\n')}\n`;
}

function randomBytes(size: number, seed: number): Buffer {
    const next = rng(seed);
    const out = Buffer.alloc(size);
    for (let i = 0; i < size; i++) out[i] = Math.floor(next() * 256);
    return out;
}

/** A gzip member with the optional header fields zlib never writes: FEXTRA, FNAME, FCOMMENT, FHCRC. */
function handMadeMember(data: Buffer, fields: { extra?: Buffer; name?: string; comment?: string; headerCrc?: boolean }): Buffer {
    let flags = 0;
    const parts: Buffer[] = [];
    if (fields.headerCrc) flags |= 0x02;
    if (fields.extra) flags |= 0x04;
    if (fields.name !== undefined) flags |= 0x08;
    if (fields.comment !== undefined) flags |= 0x10;
    parts.push(Buffer.from([0x1f, 0x8b, 8, flags, 0x12, 0x34, 0x56, 0x78, 0, 3]));
    if (fields.extra) {
        const xlen = Buffer.alloc(2);
        xlen.writeUInt16LE(fields.extra.length);
        parts.push(xlen, fields.extra);
    }
    if (fields.name !== undefined) parts.push(Buffer.from(`${fields.name}\0`, 'latin1'));
    if (fields.comment !== undefined) parts.push(Buffer.from(`${fields.comment}\0`, 'latin1'));
    if (fields.headerCrc) {
        const crc = Buffer.alloc(2);
        crc.writeUInt16LE(crc32(Buffer.concat(parts)) & 0xffff);
        parts.push(crc);
    }
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(data), 0);
    trailer.writeUInt32LE(data.length >>> 0, 4);
    return Buffer.concat([...parts, deflateRawSync(data), trailer]);
}

describe('gunzip (RFC 1951 inflate + RFC 1952 gzip, no zlib)', () => {
    const text = Buffer.from(siemLines(2_000));

    it.each([
        ['stored blocks (level 0)', { level: 0 }],
        ['fixed Huffman blocks (Z_FIXED)', { level: 6, strategy: constants.Z_FIXED }],
        ['dynamic blocks, fastest (level 1)', { level: 1 }],
        ['dynamic blocks, best (level 9)', { level: 9 }],
        ['Huffman only', { level: 6, strategy: constants.Z_HUFFMAN_ONLY }],
        ['run-length matches (Z_RLE)', { level: 6, strategy: constants.Z_RLE }],
        ['a small window (windowBits 9)', { level: 9, windowBits: 9 }]
    ] as [string, ZlibOptions][])('decodes %s exactly as zlib does', (_name, options) => {
        for (const data of [text, randomBytes(200_000, 7)]) {
            const gz = gzipSync(data, options);
            expect(gunzipAll(gz).equals(gunzipSync(gz))).toBe(true);
            expect(gunzipAll(gz).equals(data)).toBe(true);
        }
    });

    it('decodes the gzip of an empty file to nothing, and rejects zero bytes as truncated, like zlib', () => {
        const empty = gzipSync(Buffer.alloc(0));
        expect(gunzipAll(empty).length).toBe(0);
        expect([...gunzipLines(empty)]).toEqual([]);
        expect(() => gunzipSync(Buffer.alloc(0))).toThrow('unexpected end of file');
        expect(gunzipUntilError(Buffer.alloc(0)).error).toMatchObject({ code: 'truncated' });
    });

    it('reads FEXTRA, FNAME, FCOMMENT and FHCRC, and checks the header CRC', () => {
        const data = Buffer.from(siemLines(50));
        const member = handMadeMember(data, {
            extra: Buffer.from('AP\x04\x00abcd', 'latin1'),
            name: 'receipt_2026-11-20T10-00.json',
            comment: 'Mimecast SIEM batch',
            headerCrc: true
        });
        expect(gunzipSync(member).equals(data)).toBe(true); // zlib agrees the member is valid
        expect(gunzipAll(member).equals(data)).toBe(true);
        for (const fields of [{ name: 'only-a-name.json' }, { comment: 'only a comment' }, { extra: Buffer.alloc(0) }, { headerCrc: true }]) {
            expect(gunzipAll(handMadeMember(data, fields)).equals(data)).toBe(true);
        }

        const badHeaderCrc = Buffer.from(member);
        const crcAt = member.indexOf(Buffer.from('Mimecast SIEM batch\0', 'latin1')) + 'Mimecast SIEM batch\0'.length;
        badHeaderCrc[crcAt] = badHeaderCrc[crcAt]! ^ 0xff;
        expect(() => gunzipSync(badHeaderCrc)).toThrow();
        expect(gunzipUntilError(badHeaderCrc).error).toMatchObject({ name: 'GunzipError', code: 'crc_mismatch' });
    });

    it('decodes several members one after the other, as zlib does', () => {
        const parts = [Buffer.from(siemLines(300, 1)), Buffer.alloc(0), randomBytes(70_000, 3), Buffer.from(siemLines(10, 2))];
        const multi = Buffer.concat([
            gzipSync(parts[0]!, { level: 9 }),
            gzipSync(parts[1]!),
            gzipSync(parts[2]!, { level: 0 }),
            handMadeMember(parts[3]!, { name: 'x' })
        ]);
        expect(gunzipAll(multi).equals(gunzipSync(multi))).toBe(true);
        expect(gunzipAll(multi).equals(Buffer.concat(parts))).toBe(true);
        // Zero padding after the last member is tolerated; anything else is not.
        expect(gunzipAll(Buffer.concat([multi, Buffer.alloc(16)])).equals(Buffer.concat(parts))).toBe(true);
        expect(gunzipUntilError(Buffer.concat([multi, Buffer.from('garbage')])).error).toMatchObject({ code: 'trailing_garbage' });
    });

    it('rejects a wrong CRC-32 or ISIZE in the trailer, and a file that is not gzip', () => {
        const gz = gzipSync(text);
        const badCrc = Buffer.from(gz);
        badCrc[gz.length - 8] = badCrc[gz.length - 8]! ^ 0x01;
        expect(() => gunzipSync(badCrc)).toThrow();
        const crcError = gunzipUntilError(badCrc);
        expect(crcError.error).toBeInstanceOf(GunzipError);
        expect(crcError.error).toMatchObject({ code: 'crc_mismatch' });
        expect(crcError.out.equals(text)).toBe(true); // the data itself decoded; only the check failed

        const badSize = Buffer.from(gz);
        badSize[gz.length - 4] = badSize[gz.length - 4]! ^ 0x01;
        expect(gunzipUntilError(badSize).error).toMatchObject({ code: 'size_mismatch' });

        expect(gunzipUntilError(Buffer.from('{"type":"receipt"}\n')).error).toMatchObject({ code: 'bad_header' });
        const notDeflate = Buffer.from(gz);
        notDeflate[2] = 7;
        expect(gunzipUntilError(notDeflate).error).toMatchObject({ code: 'bad_header' });
        expect(String(gunzipUntilError(badCrc).error)).toMatch(/gzip crc_mismatch: CRC-32 is 0x[0-9a-f]{8}, the trailer says 0x[0-9a-f]{8}/);
    });

    it('reports a cut-off file as truncated at every cut point, after yielding only true output', () => {
        for (const [data, level] of [
            [text, 9],
            [text, 0],
            [randomBytes(40_000, 11), 6]
        ] as const) {
            const gz = gzipSync(data, { level });
            const cuts = [1, 5, 10, 11, 20, Math.floor(gz.length / 3), Math.floor(gz.length / 2), gz.length - 9, gz.length - 8, gz.length - 4, gz.length - 1];
            for (const cut of cuts) {
                const { out, error } = gunzipUntilError(gz.subarray(0, cut));
                expect(() => gunzipSync(gz.subarray(0, cut))).toThrow();
                expect({ cut, error: error instanceof GunzipError ? error.code : String(error) }).toEqual({ cut, error: 'truncated' });
                expect(data.subarray(0, out.length).equals(out)).toBe(true);
            }
        }
    });

    it('rejects corrupt deflate data with a GunzipError, never a hang or a crash', () => {
        const gz = gzipSync(text, { level: 9 });
        const next = rng(99);
        let rejected = 0;
        for (let i = 0; i < 60; i++) {
            const corrupt = Buffer.from(gz);
            const at = 10 + Math.floor(next() * (gz.length - 18));
            corrupt[at] = corrupt[at]! ^ (1 + Math.floor(next() * 255));
            const { error } = gunzipUntilError(corrupt);
            // A flipped byte must be noticed (by the deflate decoder or, at the latest, the CRC-32).
            expect(error).toBeInstanceOf(GunzipError);
            rejected += 1;
        }
        expect(rejected).toBe(60);
    });

    it('yields NDJSON lines as they are decoded: CRLF, a last line without newline, blank lines, multi-byte UTF-8 across chunks', () => {
        const lines = siemLines(3_000).trimEnd().split('\n');
        const body = `${lines.slice(0, 10).join('\r\n')}\r\n\n\n${lines.slice(10).join('\n')}`; // no trailing newline
        const got = [...gunzipLines(gzipSync(Buffer.from(body)))];
        expect(got).toEqual(lines);
        expect(got.map((line) => JSON.parse(line as string).subject as string).every((s) => s.endsWith('— résumé ✓'))).toBe(true);
    });

    it('yields LINE_TOO_LONG for an over-long line, without keeping it, and goes on with the next', () => {
        const long = 'x'.repeat(300_000);
        const gz = gzipSync(Buffer.from(`{"a":1}\n${long}\n{"b":2}\n${long}`));
        expect([...gunzipLines(gz, { maxLineBytes: 100_000 })]).toEqual(['{"a":1}', LINE_TOO_LONG, '{"b":2}', LINE_TOO_LONG]);
        expect([...gunzipLines(gz, { maxLineBytes: 300_000 })]).toEqual(['{"a":1}', long, '{"b":2}', long]);
    });

    it('matches zlib on 150 random inputs, levels, strategies and window sizes (property loop)', () => {
        const next = rng(2026);
        const strategies = [constants.Z_DEFAULT_STRATEGY, constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED];
        for (let i = 0; i < 150; i++) {
            // Mixed content: random bytes, runs, repeats of earlier text and NDJSON, in random proportions.
            const pieces: Buffer[] = [];
            const target = Math.floor(next() ** 3 * 150_000);
            let size = 0;
            while (size < target) {
                const kind = Math.floor(next() * 4);
                const n = 1 + Math.floor(next() * 5_000);
                const piece =
                    kind === 0
                        ? randomBytes(n, i * 1000 + size)
                        : kind === 1
                          ? Buffer.alloc(n, Math.floor(next() * 256))
                          : kind === 2 && size > 0
                            ? Buffer.concat(pieces)
                                  .subarray(Math.floor(next() * size))
                                  .subarray(0, n)
                            : Buffer.from(siemLines(1 + Math.floor(n / 300), i));
                pieces.push(piece);
                size += piece.length;
            }
            const data = Buffer.concat(pieces);
            const options: ZlibOptions = {
                level: Math.floor(next() * 10),
                strategy: strategies[Math.floor(next() * strategies.length)]!,
                windowBits: 9 + Math.floor(next() * 7),
                memLevel: 1 + Math.floor(next() * 9)
            };
            const gz = gzipSync(data, options);
            const out = gunzipAll(gz);
            if (!out.equals(data)) {
                throw new Error(`case ${i} (${data.length} bytes, ${JSON.stringify(options)}) decoded differently from zlib`);
            }
        }
    });
});
