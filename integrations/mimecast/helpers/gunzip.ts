// Gzip (RFC 1952) around raw deflate (RFC 1951), decoded in plain TypeScript: Nango's function sandbox
// has no zlib, no DecompressionStream and no wasm. Output comes out as it is decoded, in chunks of at
// most one window, so memory is the compressed input + a 64 KiB window + the line being assembled,
// whatever the size of the decompressed file. Mimecast's SIEM batch files are gzip NDJSON; gunzipLines
// yields their lines one by one.
//
// Format references: https://www.rfc-editor.org/rfc/rfc1951 (deflate), https://www.rfc-editor.org/rfc/rfc1952 (gzip).

export type GunzipErrorCode = 'bad_header' | 'truncated' | 'invalid_deflate' | 'crc_mismatch' | 'size_mismatch' | 'trailing_garbage';

/** A file that is not valid gzip: which check failed and at which input byte. */
export class GunzipError extends Error {
    constructor(
        readonly code: GunzipErrorCode,
        message: string,
        readonly offset: number
    ) {
        super(`gzip ${code}: ${message} (at input byte ${offset})`);
        this.name = 'GunzipError';
    }
}

/** Yielded by gunzipLines in place of a line longer than `maxLineBytes` (its bytes are dropped, not kept). */
export const LINE_TOO_LONG: unique symbol = Symbol('line too long');

const WINDOW = 32_768;
/** Output buffer: the 32 KiB history deflate may refer back to, plus 32 KiB of new output before a flush. */
const OUT_SIZE = 2 * WINDOW;

// RFC 1951 3.2.5: base lengths and extra bits of length codes 257..285 and distance codes 0..29.
const LENGTH_BASE = new Uint16Array([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]);
const LENGTH_EXTRA = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
const DIST_BASE = new Uint16Array([
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
]);
const DIST_EXTRA = new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
/** RFC 1951 3.2.7: the order in which code-length code lengths are sent. */
const CLEN_ORDER = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/** CRC-32 tables for slicing by 8 (eight bytes per step): CRC_TABLES[k * 256 + b]. */
const CRC_TABLES = (() => {
    const tables = new Int32Array(8 * 256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        tables[n] = c;
    }
    for (let n = 0; n < 256; n++) {
        let c = tables[n]!;
        for (let k = 1; k < 8; k++) {
            c = tables[c & 0xff]! ^ (c >>> 8);
            tables[k * 256 + n] = c;
        }
    }
    return tables;
})();

/** CRC-32 (ISO 3309, as gzip uses it), continued from `crc` over bytes[start, end). */
export function crc32(bytes: Uint8Array, crc = 0, start = 0, end = bytes.length): number {
    const t = CRC_TABLES;
    let c = ~crc;
    let i = start;
    for (; i + 8 <= end; i += 8) {
        const lo = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
        c =
            t[1792 + (lo & 0xff)]! ^
            t[1536 + ((lo >>> 8) & 0xff)]! ^
            t[1280 + ((lo >>> 16) & 0xff)]! ^
            t[1024 + (lo >>> 24)]! ^
            t[768 + bytes[i + 4]!]! ^
            t[512 + bytes[i + 5]!]! ^
            t[256 + bytes[i + 6]!]! ^
            t[bytes[i + 7]!]!;
    }
    for (; i < end; i++) {
        c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
    }
    return ~c >>> 0;
}

/**
 * A Huffman decoding table indexed by the next `bits` input bits (LSB first): each entry is
 * (code length << 16) | symbol, 0 for a bit pattern no code starts with.
 */
interface Huffman {
    table: Uint32Array;
    bits: number;
}

/** Builds the canonical Huffman code of RFC 1951 3.2.2 from code lengths; rejects an over-subscribed set. */
function buildHuffman(lengths: Uint8Array, count: number, offset: number): Huffman {
    const blCount = new Uint16Array(16);
    let maxLen = 0;
    for (let i = 0; i < count; i++) {
        const len = lengths[i]!;
        blCount[len]! += 1;
        if (len > maxLen) maxLen = len;
    }
    blCount[0] = 0;
    // Over-subscription check: the codes of each length must fit in what shorter codes left free.
    let left = 1;
    for (let len = 1; len <= 15; len++) {
        left = (left << 1) - blCount[len]!;
        if (left < 0) {
            throw new GunzipError('invalid_deflate', 'over-subscribed Huffman code', offset);
        }
    }
    const bits = Math.max(1, maxLen);
    const table = new Uint32Array(1 << bits);
    const nextCode = new Uint16Array(16);
    let code = 0;
    for (let len = 1; len <= 15; len++) {
        code = (code + blCount[len - 1]!) << 1;
        nextCode[len] = code;
    }
    for (let symbol = 0; symbol < count; symbol++) {
        const len = lengths[symbol]!;
        if (len === 0) continue;
        const c = nextCode[len]!;
        nextCode[len] = c + 1;
        // Codes are sent most significant bit first into an LSB-first stream: index by the reversed code.
        let reversed = 0;
        for (let i = 0; i < len; i++) {
            reversed |= ((c >>> i) & 1) << (len - 1 - i);
        }
        const entry = (len << 16) | symbol;
        for (let i = reversed; i < table.length; i += 1 << len) {
            table[i] = entry;
        }
    }
    return { table, bits };
}

const FIXED_LITERALS = (() => {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    return buildHuffman(lengths, 288, 0);
})();
const FIXED_DISTANCES = buildHuffman(new Uint8Array(30).fill(5), 30, 0);

/**
 * Decompresses a gzip file (one or more members) and yields the output in order, in chunks.
 * A chunk is a view into a reused buffer: consume or copy it before asking for the next one.
 * Throws GunzipError on a malformed header, bad deflate data, a CRC-32 or ISIZE mismatch or
 * truncated input; chunks yielded before the error were decoded from the bytes before it.
 */
export function* gunzipChunks(input: Uint8Array): Generator<Uint8Array, void, undefined> {
    if (input.length === 0) {
        throw new GunzipError('truncated', 'the file is empty (a gzip file has at least a header and a trailer)', 0);
    }
    let pos = 0;
    let members = 0;
    while (pos < input.length) {
        if (members > 0 && isZeroPadding(input, pos)) {
            return; // some writers pad the last member with zero bytes
        }
        if (members > 0 && (input[pos] !== 0x1f || input[pos + 1] !== 0x8b)) {
            throw new GunzipError('trailing_garbage', 'bytes after the last gzip member are not another member', pos);
        }
        pos = readHeader(input, pos);
        const member = yield* inflate(input, pos);
        pos = member.end;
        if (pos + 8 > input.length) {
            throw new GunzipError('truncated', 'the gzip trailer (CRC-32, ISIZE) is missing', input.length);
        }
        const storedCrc = readUint32(input, pos);
        const storedSize = readUint32(input, pos + 4);
        if (storedCrc !== member.crc) {
            throw new GunzipError('crc_mismatch', `CRC-32 is ${hex(member.crc)}, the trailer says ${hex(storedCrc)}`, pos);
        }
        if (storedSize !== member.size >>> 0) {
            throw new GunzipError('size_mismatch', `${member.size} bytes decoded, ISIZE says ${storedSize}`, pos + 4);
        }
        pos += 8;
        members += 1;
    }
}

export interface GunzipLinesOptions {
    /** A longer line yields LINE_TOO_LONG and is not kept in memory. Default 1 MiB. */
    maxLineBytes?: number;
}

/**
 * The lines of a gzip text file (NDJSON), decoded as UTF-8, without their `\n` or `\r\n`; blank
 * lines are skipped. The last line need not end with a newline. Errors as for gunzipChunks.
 */
export function* gunzipLines(input: Uint8Array, options: GunzipLinesOptions = {}): Generator<string | typeof LINE_TOO_LONG, void, undefined> {
    const maxLineBytes = options.maxLineBytes ?? 1_048_576;
    // The part of the current line seen in earlier chunks (copied, since chunks are reused).
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let tooLong = false;
    const finish = (chunk: Uint8Array, end: number): string | typeof LINE_TOO_LONG | undefined => {
        if (tooLong || pendingBytes + end > maxLineBytes) {
            return LINE_TOO_LONG;
        }
        let bytes: Uint8Array;
        if (pendingBytes === 0) {
            bytes = chunk.subarray(0, end);
        } else {
            bytes = new Uint8Array(pendingBytes + end);
            let at = 0;
            for (const part of pending) {
                bytes.set(part, at);
                at += part.length;
            }
            bytes.set(chunk.subarray(0, end), at);
        }
        let length = bytes.length;
        if (length > 0 && bytes[length - 1] === 0x0d) length -= 1;
        if (length === 0) return undefined;
        return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('utf8');
    };
    const reset = () => {
        pending = [];
        pendingBytes = 0;
        tooLong = false;
    };
    for (const chunk of gunzipChunks(input)) {
        let start = 0;
        for (;;) {
            const newline = chunk.indexOf(0x0a, start);
            if (newline < 0) break;
            const line = finish(chunk.subarray(start), newline - start);
            reset();
            if (line !== undefined) yield line;
            start = newline + 1;
        }
        if (start < chunk.length) {
            const rest = chunk.length - start;
            if (tooLong || pendingBytes + rest > maxLineBytes) {
                tooLong = true;
                pending = [];
            } else {
                pending.push(chunk.slice(start));
            }
            pendingBytes += rest;
        }
    }
    if (pendingBytes > 0) {
        const line = finish(new Uint8Array(0), 0);
        if (line !== undefined) yield line;
    }
}

// ---------------------------------------------------------------------------------------------

/** RFC 1952 2.3: checks the member header and returns where its deflate data starts. */
function readHeader(input: Uint8Array, start: number): number {
    const need = (n: number, what: string) => {
        if (pos + n > input.length) {
            throw new GunzipError('truncated', `the gzip header ends inside ${what}`, input.length);
        }
    };
    let pos = start;
    need(10, 'the fixed fields');
    if (input[pos] !== 0x1f || input[pos + 1] !== 0x8b) {
        throw new GunzipError('bad_header', 'not a gzip file (magic bytes 1f 8b missing)', pos);
    }
    if (input[pos + 2] !== 8) {
        throw new GunzipError('bad_header', `compression method ${input[pos + 2]} is not deflate (8)`, pos + 2);
    }
    const flags = input[pos + 3]!;
    if (flags & 0xe0) {
        throw new GunzipError('bad_header', 'reserved flag bits are set', pos + 3);
    }
    pos += 10;
    if (flags & 0x04) {
        // FEXTRA: two-byte length, then that many bytes of extra fields (skipped).
        need(2, 'FEXTRA');
        const xlen = input[pos]! | (input[pos + 1]! << 8);
        pos += 2;
        need(xlen, 'FEXTRA');
        pos += xlen;
    }
    for (const { flag, name } of [
        { flag: 0x08, name: 'FNAME' },
        { flag: 0x10, name: 'FCOMMENT' }
    ]) {
        if (flags & flag) {
            // Zero-terminated Latin-1 string (the original file name, a comment): skipped.
            const zero = input.indexOf(0, pos);
            if (zero < 0) {
                throw new GunzipError('truncated', `the gzip header ends inside ${name}`, input.length);
            }
            pos = zero + 1;
        }
    }
    if (flags & 0x02) {
        // FHCRC: the low 16 bits of the CRC-32 of every header byte before it.
        need(2, 'FHCRC');
        const stored = input[pos]! | (input[pos + 1]! << 8);
        const actual = crc32(input, 0, start, pos) & 0xffff;
        if (stored !== actual) {
            throw new GunzipError('crc_mismatch', `header CRC-16 is ${hex(actual)}, the header says ${hex(stored)}`, pos);
        }
        pos += 2;
    }
    return pos;
}

/** Bit-level reading position in the input, for the parts outside the hot loop. */
function truncated(input: Uint8Array): GunzipError {
    return new GunzipError('truncated', 'the deflate data ends in the middle of a block', input.length);
}

/** The deflate bit stream: LSB-first bits of `input` from `pos`, buffered in `bitBuf` (`bitCnt` bits). */
class BitReader {
    bitBuf = 0;
    bitCnt = 0;

    constructor(
        readonly input: Uint8Array,
        public pos: number
    ) {}

    /** n (0..16) bits, LSB first. Past the end of input zero bytes are supplied; using them means truncation. */
    bits(n: number): number {
        while (this.bitCnt < n) {
            this.bitBuf |= (this.pos < this.input.length ? this.input[this.pos]! : 0) << this.bitCnt;
            this.pos += 1;
            this.bitCnt += 8;
        }
        const value = this.bitBuf & ((1 << n) - 1);
        this.bitBuf >>>= n;
        this.bitCnt -= n;
        if (this.pos > this.input.length && this.pos - (this.bitCnt >>> 3) > this.input.length) throw truncated(this.input);
        return value;
    }

    symbol(h: Huffman): number {
        while (this.bitCnt < h.bits) {
            this.bitBuf |= (this.pos < this.input.length ? this.input[this.pos]! : 0) << this.bitCnt;
            this.pos += 1;
            this.bitCnt += 8;
        }
        const entry = h.table[this.bitBuf & ((1 << h.bits) - 1)]!;
        const len = entry >>> 16;
        if (len === 0) {
            if (this.pos > this.input.length) throw truncated(this.input);
            throw new GunzipError('invalid_deflate', 'a bit pattern that is no Huffman code', this.pos);
        }
        this.bitBuf >>>= len;
        this.bitCnt -= len;
        if (this.pos > this.input.length && this.pos - (this.bitCnt >>> 3) > this.input.length) throw truncated(this.input);
        return entry & 0xffff;
    }
}

/**
 * RFC 1951: inflates the deflate stream at `start`, yielding output chunks; returns the member's CRC-32,
 * size and the first byte after the stream (the trailer). The literal/match loop keeps
 * the bit buffer in locals (it is where the time goes); the rest reads through a BitReader.
 */
function* inflate(input: Uint8Array, start: number): Generator<Uint8Array, { crc: number; size: number; end: number }, undefined> {
    const out = new Uint8Array(OUT_SIZE);
    const inLen = input.length;
    let outPos = 0;
    /** Output before this index has been yielded already. */
    let flushed = 0;
    let crc = 0;
    let size = 0;
    const br = new BitReader(input, start);

    let last = 0;
    while (!last) {
        last = br.bits(1);
        const type = br.bits(2);
        if (type === 0) {
            // Stored block: skip to a byte boundary, LEN and its one's complement NLEN, LEN raw bytes.
            br.pos -= br.bitCnt >>> 3;
            br.bitBuf = 0;
            br.bitCnt = 0;
            let pos = br.pos;
            if (pos + 4 > inLen) {
                throw new GunzipError('truncated', 'a stored block header is cut off', inLen);
            }
            const len = input[pos]! | (input[pos + 1]! << 8);
            const nlen = input[pos + 2]! | (input[pos + 3]! << 8);
            if ((len ^ 0xffff) !== nlen) {
                throw new GunzipError('invalid_deflate', 'a stored block length does not match its complement', pos);
            }
            pos += 4;
            if (pos + len > inLen) {
                throw new GunzipError('truncated', 'a stored block is cut off', inLen);
            }
            let copied = 0;
            while (copied < len) {
                if (outPos === OUT_SIZE) {
                    crc = crc32(out, crc, flushed, outPos);
                    size += outPos - flushed;
                    yield out.subarray(flushed, outPos);
                    out.copyWithin(0, outPos - WINDOW, outPos);
                    outPos = flushed = WINDOW;
                }
                const n = Math.min(len - copied, OUT_SIZE - outPos);
                out.set(input.subarray(pos + copied, pos + copied + n), outPos);
                outPos += n;
                copied += n;
            }
            br.pos = pos + len;
            continue;
        }
        let literals: Huffman;
        let distances: Huffman;
        if (type === 1) {
            literals = FIXED_LITERALS;
            distances = FIXED_DISTANCES;
        } else if (type === 2) {
            ({ literals, distances } = readDynamicTables(br));
        } else {
            throw new GunzipError('invalid_deflate', 'block type 3 is reserved', br.pos);
        }
        const litTable = literals.table;
        const litBits = literals.bits;
        const litMask = (1 << litBits) - 1;
        const distTable = distances.table;
        const distBits = distances.bits;
        const distMask = (1 << distBits) - 1;
        let pos = br.pos;
        let bitBuf = br.bitBuf;
        let bitCnt = br.bitCnt;
        for (;;) {
            if (outPos > OUT_SIZE - 258) {
                // Room for the longest match is gone: hand the new output over, keep only the history.
                crc = crc32(out, crc, flushed, outPos);
                size += outPos - flushed;
                yield out.subarray(flushed, outPos);
                out.copyWithin(0, outPos - WINDOW, outPos);
                outPos = flushed = WINDOW;
            }
            while (bitCnt < litBits) {
                bitBuf |= (pos < inLen ? input[pos]! : 0) << bitCnt;
                pos += 1;
                bitCnt += 8;
            }
            let entry = litTable[bitBuf & litMask]!;
            let len = entry >>> 16;
            if (len === 0) {
                if (pos > inLen) throw truncated(input);
                throw new GunzipError('invalid_deflate', 'a bit pattern that is no Huffman code', pos);
            }
            bitBuf >>>= len;
            bitCnt -= len;
            if (pos > inLen && pos - (bitCnt >>> 3) > inLen) throw truncated(input);
            const symbol = entry & 0xffff;
            if (symbol < 256) {
                out[outPos++] = symbol;
                continue;
            }
            if (symbol === 256) break;
            const li = symbol - 257;
            if (li >= 29) {
                throw new GunzipError('invalid_deflate', `length code ${symbol} is not defined`, pos);
            }
            // Length extra bits (0-5), the distance code (up to 15 bits), its extra bits (0-13): refill as needed.
            let extra = LENGTH_EXTRA[li]!;
            while (bitCnt < extra) {
                bitBuf |= (pos < inLen ? input[pos]! : 0) << bitCnt;
                pos += 1;
                bitCnt += 8;
            }
            const length = LENGTH_BASE[li]! + (bitBuf & ((1 << extra) - 1));
            bitBuf >>>= extra;
            bitCnt -= extra;
            while (bitCnt < distBits) {
                bitBuf |= (pos < inLen ? input[pos]! : 0) << bitCnt;
                pos += 1;
                bitCnt += 8;
            }
            entry = distTable[bitBuf & distMask]!;
            len = entry >>> 16;
            if (len === 0) {
                if (pos > inLen) throw truncated(input);
                throw new GunzipError('invalid_deflate', 'a bit pattern that is no distance code', pos);
            }
            bitBuf >>>= len;
            bitCnt -= len;
            const di = entry & 0xffff;
            if (di >= 30) {
                throw new GunzipError('invalid_deflate', `distance code ${di} is not defined`, pos);
            }
            extra = DIST_EXTRA[di]!;
            while (bitCnt < extra) {
                bitBuf |= (pos < inLen ? input[pos]! : 0) << bitCnt;
                pos += 1;
                bitCnt += 8;
            }
            const distance = DIST_BASE[di]! + (bitBuf & ((1 << extra) - 1));
            bitBuf >>>= extra;
            bitCnt -= extra;
            if (pos > inLen && pos - (bitCnt >>> 3) > inLen) throw truncated(input);
            if (distance > size + outPos - flushed) {
                throw new GunzipError('invalid_deflate', `a match refers ${distance} bytes back, before the start of the output`, pos);
            }
            // Byte by byte when the match overlaps the bytes it produces (distance < length).
            let from = outPos - distance;
            if (distance >= length) {
                out.copyWithin(outPos, from, from + length);
                outPos += length;
            } else {
                for (let i = 0; i < length; i++) {
                    out[outPos++] = out[from++]!;
                }
            }
        }
        br.pos = pos;
        br.bitBuf = bitBuf;
        br.bitCnt = bitCnt;
    }
    // The trailer starts at the next byte boundary.
    br.pos -= br.bitCnt >>> 3;
    if (outPos > flushed) {
        crc = crc32(out, crc, flushed, outPos);
        size += outPos - flushed;
        yield out.subarray(flushed, outPos);
    }
    return { crc, size, end: br.pos };
}

/** RFC 1951 3.2.7: the code-length code, then the literal/length and distance code lengths. */
function readDynamicTables(br: BitReader): { literals: Huffman; distances: Huffman } {
    const offset = br.pos;
    const hlit = br.bits(5) + 257;
    const hdist = br.bits(5) + 1;
    const hclen = br.bits(4) + 4;
    if (hlit > 286 || hdist > 30) {
        throw new GunzipError('invalid_deflate', `a dynamic block declares ${hlit} literal/length or ${hdist} distance codes`, offset);
    }
    const clen = new Uint8Array(19);
    for (let i = 0; i < hclen; i++) {
        clen[CLEN_ORDER[i]!] = br.bits(3);
    }
    const clenCode = buildHuffman(clen, 19, offset);
    const lengths = new Uint8Array(hlit + hdist);
    for (let i = 0; i < hlit + hdist;) {
        const symbol = br.symbol(clenCode);
        if (symbol < 16) {
            lengths[i++] = symbol;
            continue;
        }
        let repeat: number;
        let value = 0;
        if (symbol === 16) {
            if (i === 0) {
                throw new GunzipError('invalid_deflate', 'a repeat code with no previous length', offset);
            }
            value = lengths[i - 1]!;
            repeat = 3 + br.bits(2);
        } else if (symbol === 17) {
            repeat = 3 + br.bits(3);
        } else {
            repeat = 11 + br.bits(7);
        }
        if (i + repeat > hlit + hdist) {
            throw new GunzipError('invalid_deflate', 'code lengths run past the declared count', offset);
        }
        lengths.fill(value, i, i + repeat);
        i += repeat;
    }
    if (lengths[256] === 0) {
        throw new GunzipError('invalid_deflate', 'a dynamic block has no end-of-block code', offset);
    }
    return { literals: buildHuffman(lengths.subarray(0, hlit), hlit, offset), distances: buildHuffman(lengths.subarray(hlit), hdist, offset) };
}

function readUint32(input: Uint8Array, pos: number): number {
    return (input[pos]! | (input[pos + 1]! << 8) | (input[pos + 2]! << 16) | (input[pos + 3]! << 24)) >>> 0;
}

function isZeroPadding(input: Uint8Array, pos: number): boolean {
    for (let i = pos; i < input.length; i++) {
        if (input[i] !== 0) return false;
    }
    return true;
}

function hex(n: number): string {
    return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}
