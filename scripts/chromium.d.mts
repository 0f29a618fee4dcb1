/** Debian's Chromium (`ENTENTE_CHROMIUM` overrides it). */
export const CHROMIUM: string;
/** Chromium features every launch switches off: Playwright's list and ours (see chromium.mjs). */
export const DISABLED_FEATURES: string[];
/** Features Playwright switches off that our launches leave on. */
export const FEATURES_LEFT_ON: string[];
/** The switches of every Chromium launch in the tests and scripts: the README's, and those that keep it on this machine. */
export const CHROMIUM_ARGS: string[];
/** Preferences of a profile the tests create themselves (`Default/Preferences`): no DNS probe after a failed navigation. */
export const PROFILE_PREFERENCES: Record<string, unknown>;
