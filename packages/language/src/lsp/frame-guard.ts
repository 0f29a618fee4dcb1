import { Transform, type TransformCallback } from 'node:stream';

/** A header longer than this without its blank line is no LSP header (an LF-only one never ends). */
const MAX_HEADER_BYTES = 8 * 1024;
/** No message an editor sends comes near this. */
const MAX_BODY_BYTES = 1024 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/**
 * Checks the framing of the LSP messages coming in over stdio before
 * vscode-jsonrpc reads them, and passes the bytes on unchanged. A frame
 * without a `Content-Length`, with one that is not a whole number, or with
 * header lines ended by LF alone left the reader waiting for ever (or reading
 * the next messages as a body): the server stayed alive and never answered
 * again. Framing lost cannot be found again with certainty, so the guard
 * calls `onMalformed` (which logs and exits): the editor's client then
 * restarts the server.
 */
export class FrameGuard extends Transform {
    private header = Buffer.alloc(0);
    private remainingBody = 0;
    private failed = false;

    constructor(private readonly onMalformed: (reason: string) => void) {
        super();
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
        let offset = 0;
        while (offset < chunk.length && !this.failed) {
            if (this.remainingBody > 0) {
                const take = Math.min(this.remainingBody, chunk.length - offset);
                this.push(chunk.subarray(offset, offset + take));
                offset += take;
                this.remainingBody -= take;
                continue;
            }
            const before = this.header.length;
            const combined = Buffer.concat([this.header, chunk.subarray(offset)]);
            const end = combined.indexOf(HEADER_END);
            if (end < 0) {
                if (combined.length > MAX_HEADER_BYTES) {
                    return this.fail('no blank line (CR LF CR LF) ends the header; are its lines ended by LF alone?', callback);
                }
                this.header = combined;
                offset = chunk.length;
                continue;
            }
            const length = contentLengthOf(combined.subarray(0, end).toString('latin1'));
            if (typeof length === 'string') {
                return this.fail(length, callback);
            }
            this.push(combined.subarray(0, end + HEADER_END.length));
            offset += end + HEADER_END.length - before;
            this.header = Buffer.alloc(0);
            this.remainingBody = length;
        }
        callback();
    }

    private fail(reason: string, callback: TransformCallback): void {
        this.failed = true;
        callback();
        this.onMalformed(reason);
    }
}

/** The body length a header announces, or why the header is not a valid LSP header. */
export function contentLengthOf(header: string): number | string {
    let length: number | undefined;
    for (const line of header.split('\r\n')) {
        if (line.includes('\n')) {
            return 'a header line is ended by LF alone, not CR LF';
        }
        const match = /^([^:\s]+):[ \t]*(.*?)[ \t]*$/.exec(line);
        if (!match) {
            return `a header line is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`;
        }
        if (match[1].toLowerCase() === 'content-length') {
            if (!/^\d+$/.test(match[2]) || Number(match[2]) > MAX_BODY_BYTES) {
                return `Content-Length is not a whole number of bytes: ${JSON.stringify(match[2].slice(0, 40))}`;
            }
            length = Number(match[2]);
        }
    }
    return length ?? 'the header has no Content-Length';
}
