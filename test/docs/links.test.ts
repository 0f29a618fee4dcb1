import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

/** README.md and every page under docs/. */
function pages(): string[] {
    const docs = fs.readdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.md')).map(name => path.join('docs', name));
    return ['README.md', ...docs].sort();
}

/** A page's text outside code blocks and code spans, where links are links. */
function prose(file: string): string {
    return fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(file: string): Set<string> {
    const seen = new Map<string, number>();
    const result = new Set<string>();
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
    for (const [, heading] of text.matchAll(/^#{1,6} (.*)$/gm)) {
        const slug = heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
        const count = seen.get(slug) ?? 0;
        seen.set(slug, count + 1);
        result.add(count ? `${slug}-${count}` : slug);
    }
    return result;
}

/** A newcomer follows the links of the docs: each relative one names a file of the repository and, after `#`, a heading of it. */
describe('the relative links of README.md and docs/', () => {
    for (const page of pages()) {
        it(`${page}: every relative link resolves to a file and its anchor`, () => {
            const broken: string[] = [];
            for (const [, link] of prose(page).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
                if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
                    continue;
                }
                const [target, anchor] = link.split('#');
                const file = target ? path.join(path.dirname(page), decodeURIComponent(target)) : page;
                if (!fs.existsSync(path.join(REPO_ROOT, file))) {
                    broken.push(`${link}: no file ${file}`);
                } else if (anchor !== undefined && file.endsWith('.md') && !anchors(file).has(anchor)) {
                    broken.push(`${link}: no heading of ${file} has the anchor #${anchor}`);
                }
            }
            assert.deepEqual(broken, []);
        });
    }

    it('finds the links (the pattern still matches the pages)', () => {
        const count = pages().reduce((total, page) => total + [...prose(page).matchAll(/\]\(([^)\s:]+)\)/g)].length, 0);
        assert.ok(count > 100, `${count} relative links`);
    });
});
