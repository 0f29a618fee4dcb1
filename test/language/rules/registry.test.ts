import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, describeOptionRange, parseConfig } from '@entente/language';
import { REPO_ROOT } from '../../helpers/cli.js';

const RULES_DIR = path.join(REPO_ROOT, 'packages/language/src/rules');
const NOT_RULES = new Set(['rule.ts', 'index.ts', 'rule-runner.ts', 'suppressions.ts']);
const ruleFiles = fs.readdirSync(RULES_DIR).filter(file => file.endsWith('.ts') && !NOT_RULES.has(file)).sort();

describe('the rule registry', () => {
    it('registers every rule file, in alphabetical order of id', () => {
        assert.deepEqual(allRules.map(rule => `${rule.meta.id}.ts`), ruleFiles);
    });

    for (const file of ruleFiles) {
        const id = file.replace(/\.ts$/, '');
        it(`${id}: its id matches its file, and it has a test file and a docs page`, () => {
            const rule = allRules.find(candidate => candidate.meta.id === id);
            assert.ok(rule, `${file} is registered under its own id`);
            assert.match(id, /^[a-z]+(-[a-z]+)*$/, 'kebab-case id');
            assert.equal(rule.meta.docs, `docs/rules/${id}.md`);
            assert.ok(fs.existsSync(path.join(REPO_ROOT, rule.meta.docs)), `${rule.meta.docs} exists`);
            assert.ok(fs.existsSync(path.join(REPO_ROOT, `test/language/rules/${id}.test.ts`)), 'test file exists');
            assert.match(rule.meta.summary, /\.$/);
            assert.equal(rule.meta.structural === true, rule.meta.dimension === 'structure', 'structural rules are exactly those of the structure dimension');
        });
    }

    it('tests every rule that has quick fixes with describeRule, which applies each fix and checks the text again', () => {
        const fixable = allRules.filter(rule => rule.fix);
        assert.ok(fixable.length > 0, 'some rules have quick fixes');
        for (const { meta } of fixable) {
            const test = fs.readFileSync(path.join(REPO_ROOT, `test/language/rules/${meta.id}.test.ts`), 'utf8');
            assert.ok(test.includes(`describeRule('${meta.id}',`), `test/language/rules/${meta.id}.test.ts describes ${meta.id} with describeRule (test/helpers/rule-cases.ts), so its fixes are applied and checked`);
        }
    });

    it('documents every option of a rule on its docs page, with its default', () => {
        for (const { meta } of allRules.filter(rule => rule.meta.options)) {
            const page = fs.readFileSync(path.join(REPO_ROOT, meta.docs), 'utf8');
            const section = /\n## Options\n([\s\S]*?)\n## /.exec(page)?.[1] ?? '';
            for (const [name, value] of Object.entries(meta.options!)) {
                const range = meta.optionRanges?.[name];
                if (typeof value === 'number') {
                    assert.ok(range, `${meta.id}: the number option ${name} has a range in optionRanges`);
                    assert.ok(value >= range.min && value <= (range.max ?? Infinity), `${meta.id}: the default of ${name} is in its range`);
                }
                const takes = range ? `; ${describeOptionRange(range).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : '';
                assert.match(section, new RegExp(`^- ${name} \\(default [^);]+${takes}\\): `, 'm'), `${meta.docs} has an Options section that gives ${name}, its default and what it takes`);
            }
        }
    });

    it('gives, on the rules\' docs pages and in docs/configuration.md, only configurations entente accepts', () => {
        const pages = [...allRules.map(rule => rule.meta.docs), 'docs/configuration.md'];
        let checked = 0;
        for (const page of pages) {
            const text = fs.readFileSync(path.join(REPO_ROOT, page), 'utf8');
            for (const [, json] of text.matchAll(/```json\n([\s\S]*?)```/g)) {
                assert.doesNotThrow(() => parseConfig(json, page, allRules), `${page}: ${json}`);
                checked++;
            }
        }
        assert.ok(checked >= allRules.length, `${checked} examples checked`);
    });

    it('lists every rule in the docs index', () => {
        const index = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules/README.md'), 'utf8');
        for (const rule of allRules) {
            assert.ok(index.includes(`[${rule.meta.id}](${rule.meta.id}.md)`), `${rule.meta.id} in docs/rules/README.md`);
        }
    });

    it('opens each rule\'s docs page with its summary and gives its default level', () => {
        for (const { meta } of allRules) {
            const page = fs.readFileSync(path.join(REPO_ROOT, meta.docs), 'utf8');
            const paragraph = page.split(/\n\n/)[1].replace(/\n/g, ' ');
            assert.ok(paragraph.startsWith(meta.summary.replace(/\.$/, '')), `${meta.docs} opens with the summary of packages/language/src/rules/${meta.id}.ts: ${meta.summary}`);
            assert.match(page, new RegExp(`\\| [^|\\n]+ \\| ${meta.severity} \\|`), `${meta.docs} gives the default level ${meta.severity}`);
        }
    });

    it('opens each rule\'s docs page with whole sentences, each said once (no fragment left by an edit)', () => {
        for (const { meta } of allRules) {
            const paragraph = fs.readFileSync(path.join(REPO_ROOT, meta.docs), 'utf8').split(/\n\n/)[1].replace(/\n/g, ' ');
            // A sentence opens with a capital, a digit or code (`status`); an edit once left ". by P` entry where …" behind.
            const fragments = paragraph.split(/(?<=[^.][.!?]) +/).filter(sentence => !/^[A-Z0-9`*"(\[]/.test(sentence));
            assert.deepEqual(fragments, [], `${meta.docs}: ${paragraph}`);
            assert.ok((paragraph.match(/`entente\.today`/g) ?? []).length <= 1, `${meta.docs} says once what today is: ${paragraph}`);
        }
    });

    it('says of each rule in the docs index what its metadata says: default level and summary, word for word', () => {
        const index = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules/README.md'), 'utf8');
        for (const { meta } of allRules) {
            const rows = index.split('\n').filter(line => line.startsWith(`| [${meta.id}](${meta.id}.md) |`));
            assert.deepEqual(rows, [`| [${meta.id}](${meta.id}.md) | ${meta.severity} | ${meta.summary} |`],
                `docs/rules/README.md's row for ${meta.id} is its meta (severity, summary) in packages/language/src/rules/${meta.id}.ts`);
        }
    });
});
