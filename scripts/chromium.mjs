//@ts-check
// How every Chromium of the tests and scripts is launched (test/helpers/browser.ts for
// Playwright, packages/vscode/scripts/make-icon.mjs directly): Debian's Chromium, and
// switches that keep it on this machine. Nothing is downloaded.

/** Debian's Chromium, installed by .ci/run (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium features switched off. Playwright passes its own `--disable-features=` list
 * (playwright-core's chromiumSwitches.ts) before ours, and Chromium keeps only the last
 * one, so this list is Playwright's 1.65 list with ours added, less one:
 * ThirdPartyStoragePartitioning stays on, because without it the VS Code workbench's
 * webviews stay blank. test/e2e/chromium.test.ts fails when Playwright's list gains a
 * feature this one lacks.
 */
export const DISABLED_FEATURES = [
    // Playwright's
    'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
    'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints',
    // network time from clients2.google.com
    'NetworkTimeServiceQuerying',
    'AimEnabled', 'PreconnectToSearch', 'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
    // ours
    'Translate', 'AutofillServerCommunication'
];

/** Features Playwright switches off that we leave on (see DISABLED_FEATURES). */
export const FEATURES_LEFT_ON = ['ThirdPartyStoragePartitioning'];

/**
 * The switches of every Chromium launch. Beyond what the README requires, Chromium 156 still
 * asks accounts.google.com (ListAccounts, at every start; no switch or preference stops it)
 * and update.googleapis.com (an on-demand component, the on-device model manifest, despite
 * --disable-component-update) on its own: the resolver rule answers every name but this
 * machine's with "not found" inside Chromium, so those never leave it (no DNS query, no
 * connection). See docs/workbench-tests.md#no-network.
 */
export const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'
];

/**
 * Preferences of a profile the tests create themselves (launchPersistentContext; Playwright's own
 * launch makes its profile out of reach). A main frame that fails to resolve a name makes Chromium's
 * error page probe DNS for google.com with a resolver of its own, past the resolver rule; only this
 * preference ("use a web service to help resolve navigation errors") stops that.
 */
export const PROFILE_PREFERENCES = { alternate_error_pages: { enabled: false } };
