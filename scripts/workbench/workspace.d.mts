/** Settings of the test workspace. */
export const WORKSPACE_SETTINGS: Record<string, unknown>;
/** User settings of the test runs (network off). */
export const USER_SETTINGS: Record<string, unknown>;
/** Fills `folder` with the test workspace (see workspace.mjs); returns the folder. */
export function createTestWorkspace(folder: string): string;
