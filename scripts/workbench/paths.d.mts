/** The workbench cache folder and the files in it (see paths.mjs). */
export interface WorkbenchPaths {
    root: string;
    stamp: string;
    log: string;
    nodeDir: string;
    node: string;
    serverPrefix: string;
    codeServer: string;
    serverMain: string;
}
export const NODE_PACKAGE: string;
export const CODE_SERVER_PACKAGE: string;
export function workbenchPaths(root?: string): WorkbenchPaths;
