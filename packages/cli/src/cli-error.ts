/** A usage or I/O problem: printed as one line, exit code 2, never a stack trace. */
export class CliError extends Error {
    constructor(message: string, readonly exitCode = 2) {
        super(message);
    }
}
