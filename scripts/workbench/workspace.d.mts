/** Settings of the test workspace. */
export const WORKSPACE_SETTINGS: Record<string, unknown>;
/** Fills `folder` with the test workspace (see workspace.mjs); returns the folder. */
export function createTestWorkspace(folder: string): string;
