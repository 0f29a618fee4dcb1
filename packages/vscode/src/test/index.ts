/**
 * Entry of the extension-host tests (VS Code's test API: `extensionTestsPath`
 * points at the bundled out/test/index.js). Runs every out/test/**\/*.test.js
 * with mocha inside the extension host; rejects when a test fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
    const grep = process.env.ENTENTE_TEST_GREP;
    if (grep) {
        mocha.grep(grep);
    }
    const testsRoot = __dirname;
    const files = fs.readdirSync(testsRoot, { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.test.js'))
        .sort();
    for (const file of files) {
        mocha.addFile(path.join(testsRoot, file));
    }
    return new Promise((resolve, reject) => {
        try {
            mocha.run(failures => failures > 0 ? reject(new Error(`${failures} extension test(s) failed.`)) : resolve());
        } catch (error) {
            reject(error);
        }
    });
}
