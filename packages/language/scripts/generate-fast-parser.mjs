//@ts-check
/**
 * Writes packages/language/src/parser/generated/fast-parser.ts: the
 * recursive-descent reader of the charter grammar, derived from
 * charter.langium, for the fast parser (packages/language/src/parser/).
 *
 * It reads the grammar with Langium's own grammar services and emits, for
 * each parser rule, a method that builds what Langium's parser builds for a
 * well-formed text: the same syntax nodes with the same grammar sources, the
 * same elements with their fields in the same order, the same values and
 * references. Decisions (alternatives, `?`, `*`, `+`) look at as many tokens
 * as the grammar needs (LL(k), k up to MAX_LOOKAHEAD), worked out from the
 * FIRST and FOLLOW sets of the grammar. What it cannot read (a construct it
 * does not handle, a decision that more tokens than that do not settle) it
 * names here, at build time; there the reader gives up and Langium's parser
 * reads the text.
 *
 *   node packages/language/scripts/generate-fast-parser.mjs [--check]
 *
 * `--check` writes nothing and exits 1 when the committed file is stale.
 * scripts/build.mjs and `npm run langium:generate` run it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GrammarAST, GrammarUtils, URI } from 'langium';
import { createLangiumGrammarServices } from 'langium/grammar';
import { NodeFileSystem } from 'langium/node';
import { GRAMMAR_FILE, hashOf, OUT_FILE } from './fast-parser-hash.mjs';

const MAX_LOOKAHEAD = 4;
const EOF = 0;

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
const repoRoot = join(packageDir, '..', '..');

/**
 * Terminals the scanner (src/parser/charter-scanner.ts) has a hand-tuned
 * reader for, by their regular expression. A terminal with another
 * expression has none: the generator says so, and Langium's lexer and parser
 * read every text.
 */
const SCANNER_ROLES = {
    '/\\s+/': 'whitespace',
    '/\\/\\*[\\s\\S]*?\\*\\//': 'multiLineComment',
    '/\\/\\/[^\\n\\r]*/': 'singleLineComment',
    '/[0-9]{4}-([0-9]{1,2}(-[0-9]{0,2})?)?/': 'date',
    '/[0-9]+(\\.[0-9]+)?/': 'number',
    '/[_a-zA-Z][\\w_]*/': 'id',
    '/"(\\\\.|[^"\\\\\\r\\n])*"/': 'string'
};

/** Reads the grammar file with Langium's grammar services (references resolved). */
export async function loadGrammar(file = GRAMMAR_FILE) {
    const services = createLangiumGrammarServices(NodeFileSystem);
    const documents = services.shared.workspace.LangiumDocuments;
    const document = await documents.getOrCreateDocument(URI.file(file));
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const errors = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1);
    if (errors.length > 0) {
        throw new Error(`${relative(repoRoot, file)} has errors:\n${errors.map(error => `  line ${error.range.start.line + 1}: ${error.message}`).join('\n')}`);
    }
    return { grammar: /** @type {GrammarAST.Grammar} */ (document.parseResult.value), locator: services.grammar.workspace.AstNodeLocator, text: document.textDocument.getText() };
}

/**
 * @typedef {number[]} Seq  token kinds; shorter than k only when it ends with EOF
 * @typedef {Map<string, Seq>} SeqSet
 */

/** The generator proper: from a grammar to the text of the generated module. */
export function generate(/** @type {GrammarAST.Grammar} */ grammar, /** @type {{ getAstNodePath(node: import('langium').AstNode): string }} */ locator, grammarText = '', runtimeImport = '../reader-runtime.js') {
    /** @type {string[]} */
    const notes = [];
    const reachable = GrammarUtils.getAllReachableRules(grammar, true);
    const parserRules = grammar.rules.filter(GrammarAST.isParserRule).filter(rule => reachable.has(rule));
    const terminalRules = grammar.rules.filter(GrammarAST.isTerminalRule).filter(rule => !rule.fragment);
    const entry = GrammarUtils.getEntryRule(grammar);
    if (!entry) {
        throw new Error('The grammar has no entry rule.');
    }

    // --- Tokens: kind 0 is the end of the text, then terminals, then keywords (as Langium names their token types). ---
    /** @type {Array<{ name: string, kind: 'end' | 'terminal' | 'keyword', role?: string | null, hidden?: boolean }>} */
    const tokens = [{ name: '<end>', kind: 'end' }];
    const kindOfToken = new Map();
    for (const rule of terminalRules) {
        const source = GrammarUtils.terminalRegex(rule).toString();
        const role = /** @type {Record<string, string>} */ (SCANNER_ROLES)[source] ?? null;
        if (!role) {
            notes.push(`terminal ${rule.name} ${source}: the scanner has no reader for it; Langium's lexer and parser read every text`);
        }
        kindOfToken.set(rule.name, tokens.length);
        tokens.push({ name: rule.name, kind: 'terminal', role, hidden: rule.hidden });
    }
    const keywordValues = new Set();
    for (const rule of parserRules) {
        for (const node of streamElements(rule.definition)) {
            if (GrammarAST.isKeyword(node)) keywordValues.add(node.value);
        }
    }
    for (const value of [...keywordValues].sort()) {
        kindOfToken.set(value, tokens.length);
        tokens.push({ name: value, kind: 'keyword' });
    }
    const terminalKind = (/** @type {GrammarAST.TerminalRule} */ rule) => kindOfToken.get(rule.name);
    const keywordKind = (/** @type {string} */ value) => kindOfToken.get(value);

    // --- Grammar elements the reader names (grammar sources of nodes), by their path in the grammar ---
    /** @type {string[]} */
    const elementPaths = [];
    /** @type {Array<{ type: string, value?: string }>} */
    const elementChecks = [];
    const elementIndex = new Map();
    /** The element's number in ELEMENTS (the runtime keeps what it works out for an element by it). */
    const elIndex = (/** @type {GrammarAST.AbstractElement} */ element) => {
        let index = elementIndex.get(element);
        if (index === undefined) {
            index = elementPaths.length;
            elementIndex.set(element, index);
            elementPaths.push(locator.getAstNodePath(element));
            elementChecks.push(GrammarAST.isKeyword(element) ? { type: element.$type, value: element.value } : { type: element.$type });
        }
        return index;
    };
    const el = (/** @type {GrammarAST.AbstractElement} */ element) => `this.g[${elIndex(element)}]`;

    // --- FIRST_k and FOLLOW_k ---
    /** @type {Map<number, Map<GrammarAST.ParserRule, SeqSet>>} */
    const firstByK = new Map();
    /** @type {Map<number, Map<GrammarAST.ParserRule, SeqSet>>} */
    const followByK = new Map();

    const key = (/** @type {Seq} */ seq) => seq.join(' ');
    const set = (/** @type {Seq[]} */ ...seqs) => new Map(seqs.map(seq => [key(seq), seq]));
    const union = (/** @type {SeqSet[]} */ ...sets) => {
        const result = new Map();
        for (const s of sets) for (const [k, v] of s) result.set(k, v);
        return result;
    };
    const complete = (/** @type {Seq} */ seq, /** @type {number} */ k) => seq.length >= k || (seq.length > 0 && seq[seq.length - 1] === EOF);
    const concat = (/** @type {SeqSet} */ a, /** @type {SeqSet} */ b, /** @type {number} */ k) => {
        const result = new Map();
        for (const x of a.values()) {
            if (complete(x, k)) {
                result.set(key(x), x);
                continue;
            }
            for (const y of b.values()) {
                const seq = [...x, ...y].slice(0, k);
                result.set(key(seq), seq);
            }
        }
        return result;
    };
    const star = (/** @type {SeqSet} */ body, /** @type {number} */ k) => {
        let result = set([]);
        for (;;) {
            const next = union(result, concat(body, result, k));
            if (next.size === result.size) return result;
            result = next;
        }
    };

    const crossTerminal = (/** @type {GrammarAST.CrossReference} */ cr) => GrammarUtils.getCrossReferenceTerminal(cr);

    /** FIRST_k of an element, its cardinality included. */
    const firstOf = (/** @type {GrammarAST.AbstractElement} */ element, /** @type {number} */ k) => withCardinality(firstBody(element, k), element.cardinality, k);
    const withCardinality = (/** @type {SeqSet} */ body, /** @type {string | undefined} */ cardinality, /** @type {number} */ k) => {
        switch (cardinality) {
            case '?': return union(body, set([]));
            case '*': return star(body, k);
            case '+': return concat(body, star(body, k), k);
            default: return body;
        }
    };
    const firstOfSeq = (/** @type {GrammarAST.AbstractElement[]} */ elements, /** @type {number} */ k) => {
        let result = set([]);
        for (const element of elements) result = concat(result, firstOf(element, k), k);
        return result;
    };
    /** @returns {SeqSet} */
    const firstBody = (/** @type {GrammarAST.AbstractElement} */ element, /** @type {number} */ k) => {
        if (GrammarAST.isKeyword(element)) return set([keywordKind(element.value)]);
        if (GrammarAST.isAction(element)) return set([]);
        if (GrammarAST.isAssignment(element)) return firstOf(element.terminal, k);
        if (GrammarAST.isCrossReference(element)) {
            const terminal = crossTerminal(element);
            return terminal ? firstOf(terminal, k) : set([]);
        }
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (GrammarAST.isTerminalRule(rule)) return set([terminalKind(rule)]);
            if (GrammarAST.isParserRule(rule)) return firstByK.get(k)?.get(rule) ?? new Map();
            return new Map();
        }
        if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) return union(...element.elements.map(e => firstOf(e, k)));
        if (GrammarAST.isGroup(element)) return firstOfSeq(element.elements, k);
        return new Map();
    };

    const ensureSets = (/** @type {number} */ k) => {
        if (firstByK.has(k)) return;
        const first = new Map(parserRules.map(rule => [rule, new Map()]));
        firstByK.set(k, first);
        for (let changed = true; changed;) {
            changed = false;
            for (const rule of parserRules) {
                const next = firstOf(rule.definition, k);
                if (next.size !== first.get(rule).size) {
                    first.set(rule, next);
                    changed = true;
                }
            }
        }
        const follow = new Map(parserRules.map(rule => [rule, new Map()]));
        followByK.set(k, follow);
        follow.set(entry, set([EOF]));
        for (let changed = true; changed;) {
            changed = false;
            for (const rule of parserRules) {
                for (const node of streamElements(rule.definition)) {
                    /** @type {GrammarAST.ParserRule | undefined} */
                    let called;
                    if (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref) && !GrammarAST.isCrossReference(node.$container)) called = node.rule.ref;
                    if (GrammarAST.isCrossReference(node)) {
                        const terminal = crossTerminal(node);
                        if (GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref)) called = terminal.rule.ref;
                    }
                    if (called && follow.has(called)) {
                        const before = follow.get(called);
                        const next = union(before, contAfter(node, k));
                        if (next.size !== before.size) {
                            follow.set(called, next);
                            changed = true;
                        }
                    }
                }
            }
        }
    };

    /** What can follow one occurrence of `element` (its own repetition included). */
    const contAfter = (/** @type {GrammarAST.AbstractElement} */ element, /** @type {number} */ k) => {
        const base = slotFollow(element, k);
        if (element.cardinality === '*' || element.cardinality === '+') return concat(star(firstBody(element, k), k), base, k);
        return base;
    };
    /** What can follow the place of `element` in its rule (after zero occurrences of it, or its last). */
    const slotFollow = (/** @type {GrammarAST.AbstractElement} */ element, /** @type {number} */ k) => {
        const parent = element.$container;
        if (GrammarAST.isParserRule(parent)) return followByK.get(k)?.get(parent) ?? new Map();
        if (GrammarAST.isGroup(parent)) {
            const rest = parent.elements.slice(parent.elements.indexOf(element) + 1);
            return concat(firstOfSeq(rest, k), contAfter(parent, k), k);
        }
        return contAfter(/** @type {GrammarAST.AbstractElement} */ (parent), k);
    };

    /**
     * A decision between options (each a set of token sequences a text may go on with when it is taken):
     * a trie on the next tokens, as deep as needed, up to MAX_LOOKAHEAD.
     * @typedef {{ option: number } | { conflict: number[] } | { depth: number, branches: Map<number, Decision>, fallback?: number }} Decision
     * @param {(k: number) => SeqSet[]} setsFor  the options' sets, for a lookahead of k
     * @param {number | undefined} fallback  the option taken on a token no option starts with (the way out of a loop or an optional part), if any
     * @param {string} where  for the notes
     */
    const decide = (setsFor, fallback, where) => {
        for (let k = 1; ; k++) {
            ensureSets(k);
            const sets = setsFor(k);
            const trie = buildTrie(sets.map((s, option) => [...s.values()].map(seq => ({ seq, option }))).flat(), 0, k);
            if (!hasConflict(trie) || k === MAX_LOOKAHEAD) {
                if (hasConflict(trie)) {
                    notes.push(`${where}: ${MAX_LOOKAHEAD} tokens do not decide between its options (${conflicts(trie).map(seqs => seqs).join('; ')}); there the reader gives up and Langium's parser reads the text`);
                }
                if (fallback !== undefined && 'branches' in trie) trie.fallback = fallback;
                return { trie, k };
            }
        }
    };
    /** @returns {Decision} */
    const buildTrie = (/** @type {Array<{ seq: Seq, option: number }>} */ entries, /** @type {number} */ depth, /** @type {number} */ k) => {
        const options = [...new Set(entries.map(entry => entry.option))];
        if (options.length === 1) return { option: options[0] };
        if (depth >= k) return { conflict: options };
        /** @type {Map<number, Array<{ seq: Seq, option: number }>>} */
        const byToken = new Map();
        for (const entry of entries) {
            const token = depth < entry.seq.length ? entry.seq[depth] : EOF;
            if (!byToken.has(token)) byToken.set(token, []);
            byToken.get(token)?.push(entry);
        }
        return { depth, branches: new Map([...byToken].map(([token, group]) => [token, buildTrie(group, depth + 1, k)])) };
    };
    const hasConflict = (/** @type {Decision} */ trie) => 'conflict' in trie || ('branches' in trie && [...trie.branches.values()].some(hasConflict));
    const conflicts = (/** @type {Decision} */ trie, /** @type {string[]} */ path = []) =>
        'conflict' in trie ? [path.join(' ') || '(any)'] : 'branches' in trie ? [...trie.branches].flatMap(([token, sub]) => conflicts(sub, [...path, tokens[token].name])) : [];

    // --- Code ---
    const ruleKind = (/** @type {GrammarAST.ParserRule} */ rule) => rule.fragment ? 'fragment' : GrammarUtils.isDataTypeRule(rule) ? 'datatype' : 'object';
    const methodName = (/** @type {GrammarAST.ParserRule} */ rule) => `${ruleKind(rule) === 'datatype' ? 'd' : ruleKind(rule) === 'fragment' ? 'f' : 'r'}_${rule.name}`;
    /** The assignment an element's value goes to, if any (as Langium's parser finds it: the element's nearest assignment). */
    const assignmentOf = (/** @type {GrammarAST.AbstractElement} */ element) => {
        /** @type {import('langium').AstNode | undefined} */
        let node = element;
        while (node && !GrammarAST.isParserRule(node)) {
            if (GrammarAST.isAssignment(node)) return node;
            node = node.$container;
        }
        return undefined;
    };
    const q = (/** @type {string} */ text) => JSON.stringify(text);
    let decisionCount = 0;
    let labelCount = 0;
    /** @type {string[]} */
    const decisionMethods = [];

    /** Code storing `value` (an expression) as Langium's parser assigns it. */
    const assignCode = (/** @type {GrammarAST.Assignment} */ assignment, /** @type {string} */ value) => {
        switch (assignment.operator) {
            case '?=': return `${value}; e[${q(assignment.feature)}] = true;`;
            case '+=': return `this.add(e, ${q(assignment.feature)}, ${value});`;
            default: return `e[${q(assignment.feature)}] = ${value};`;
        }
    };
    /** The same for an element (a parser rule's): it also gets its container, as Langium links content to containers after a parse. */
    const assignElementCode = (/** @type {GrammarAST.Assignment} */ assignment, /** @type {string} */ value) => {
        switch (assignment.operator) {
            case '?=': return assignCode(assignment, value);
            case '+=': return `this.addContained(e, ${q(assignment.feature)}, ${value});`;
            default: return `e[${q(assignment.feature)}] = this.contained(${value}, e, ${q(assignment.feature)});`;
        }
    };

    /** @returns {string[]} lines */
    const genElement = (/** @type {GrammarAST.AbstractElement} */ element, /** @type {{ kind: string, rule: GrammarAST.ParserRule }} */ ctx) => {
        const body = () => genBody(element, ctx);
        if (!element.cardinality) return body();
        const where = `rule ${ctx.rule.name}, ${element.$cstNode?.text.replace(/\s+/g, ' ') ?? element.$type}`;
        // The options: the element's body (or each of its alternatives), and the way on (option `exit`).
        const alternatives = GrammarAST.isAlternatives(element) && !element.cardinality?.includes('+') ? element.elements : undefined;
        const inner = alternatives ?? [undefined];
        const exit = inner.length;
        const { trie, k } = decide(kk => [
            ...inner.map(alt => concat(alt ? firstOf(alt, kk) : firstBody(element, kk), contAfter(element, kk), kk)),
            slotFollow(element, kk)
        ], exit, where);
        const cases = alternatives ? alternatives.map(alt => genElement(alt, ctx)) : [body()];
        const lines = [];
        const loop = element.cardinality === '*' || element.cardinality === '+';
        if (element.cardinality === '+') {
            // One occurrence first, then as for `*`.
            lines.push(...body());
        }
        const label = `l${labelCount++}`;
        lines.push(...(loop ? [`${label}: for (;;) {`] : [`${label}: {`]));
        lines.push(...indent(switchCode(trie, k, cases, [loop ? `break ${label};` : `break ${label};`], loop ? `continue ${label};` : `break ${label};`, where)));
        lines.push('}');
        return lines;
    };

    /**
     * A switch on the next token(s) running `cases[option]` for the option the trie picks; option
     * `cases.length` is the way out (`exitCode`); each case ends with `after`.
     */
    const switchCode = (/** @type {Decision} */ trie, /** @type {number} */ k, /** @type {string[][]} */ cases, /** @type {string[]} */ exitCode, /** @type {string} */ after, /** @type {string} */ where) => {
        const all = [...cases, exitCode];
        const caseOf = (/** @type {number} */ option) => option < cases.length ? [...all[option], after] : all[option];
        if ('option' in trie) return caseOf(trie.option);
        if ('conflict' in trie) return ['throw this.s.giveUp();'];
        if (k === 1) {
            // One token decides: a switch on its kind.
            /** @type {Map<number, number[]>} */
            const byOption = new Map();
            let giveUpTokens = [];
            for (const [token, sub] of trie.branches) {
                if ('option' in sub) {
                    if (!byOption.has(sub.option)) byOption.set(sub.option, []);
                    byOption.get(sub.option)?.push(token);
                } else {
                    giveUpTokens.push(token);
                }
            }
            const lines = ['switch (this.s.kind as number) {'];
            for (const [option, kinds] of byOption) {
                if (option === trie.fallback) continue;
                lines.push(...kinds.map(kind => `    case ${kind}: // ${tokens[kind].name}`));
                lines.push(...indent(indent([...caseOf(option)])).map(line => line));
            }
            if (giveUpTokens.length > 0) {
                lines.push(...giveUpTokens.map(kind => `    case ${kind}: // ${tokens[kind].name}`), '        throw this.s.giveUp();');
            }
            lines.push('    default:');
            lines.push(...indent(indent(trie.fallback !== undefined ? caseOf(trie.fallback) : ['throw this.s.giveUp();'])));
            lines.push('}');
            return lines;
        }
        // Several tokens decide: a method walks the trie and says which option, then a switch runs it.
        const name = `decide${decisionCount++}`;
        const method = [`/** ${where.replace(/\*\//g, '* /')} */`, `private ${name}(): number {`, ...indent(trieCode(trie)), '}'];
        decisionMethods.push(...method);
        const lines = [`switch (this.${name}()) {`];
        all.forEach((_, option) => {
            lines.push(`    case ${option}:`, ...indent(indent(caseOf(option))));
        });
        lines.push('    default:', '        throw this.s.giveUp();', '}');
        return lines;
    };
    /** @returns {string[]} */
    const trieCode = (/** @type {Decision} */ trie) => {
        if ('option' in trie) return [`return ${trie.option};`];
        if ('conflict' in trie) return ['return -1;'];
        const lines = [`switch (${trie.depth === 0 ? 'this.s.kind as number' : `this.s.peek(${trie.depth})`}) {`];
        for (const [token, sub] of trie.branches) {
            lines.push(`    case ${token}: { // ${tokens[token].name}`, ...indent(indent(trieCode(sub))), '    }');
        }
        lines.push(`    default: return ${trie.fallback ?? -1};`, '}');
        return lines;
    };

    /** @returns {string[]} */
    const genBody = (/** @type {GrammarAST.AbstractElement} */ element, /** @type {{ kind: string, rule: GrammarAST.ParserRule }} */ ctx) => {
        const unsupported = (/** @type {string} */ what) => {
            notes.push(`rule ${ctx.rule.name}: ${what} is not read by the generated reader; texts with it are read by Langium's parser`);
            return ['throw this.s.giveUp();'];
        };
        if (GrammarAST.isGroup(element) && element.guardCondition) return unsupported('a guarded group');
        if (GrammarAST.isKeyword(element)) {
            const assignment = assignmentOf(element);
            const consume = `this.consume(${keywordKind(element.value)}, ${el(element)})`;
            // A keyword's text is the keyword (the scanner reads it only as written): the grammar's string, not a copy cut from the text.
            if (assignment) return [`${consume};`, assignment.operator === '?=' ? `e[${q(assignment.feature)}] = true;` : assignCode(assignment, q(element.value))];
            if (ctx.kind === 'datatype') return [`${consume};`, `text += ${q(element.value)};`];
            return [`${consume}; // ${q(element.value)}`];
        }
        if (GrammarAST.isAction(element)) {
            if (element.feature) return unsupported(`the action {${GrammarUtils.getTypeName(element)}.${element.feature}${element.operator}current}`);
            return [`e.$type = ${q(GrammarUtils.getTypeName(element))};`];
        }
        if (GrammarAST.isAssignment(element)) return genBody(element.terminal, ctx);
        if (GrammarAST.isCrossReference(element)) {
            const assignment = assignmentOf(element);
            const terminal = crossTerminal(element);
            if (!assignment || !terminal) return unsupported('a cross-reference outside an assignment');
            // As Langium's parser: a reference is made only where the assignment's own terminal is the cross-reference.
            const mode = GrammarAST.isCrossReference(assignment.terminal) ? (assignment.terminal.isMulti ? 'true' : 'false') : undefined;
            const value = (/** @type {string} */ text, /** @type {string} */ node) => mode === undefined ? text : `this.reference(e, ${q(assignment.feature)}, ${text}, ${node}, ${mode})`;
            if (GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref)) {
                return ['{', `    const n = this.open(${el(element)});`, `    const v = this.data(n, this.${methodName(terminal.rule.ref)}(), ${elIndex(element)});`,
                    `    if (v !== NONE) ${assignCode(assignment, value('v', 'n'))}`, '}'];
            }
            const kind = GrammarAST.isKeyword(terminal) ? keywordKind(terminal.value) : GrammarAST.isRuleCall(terminal) && GrammarAST.isTerminalRule(terminal.rule.ref) ? terminalKind(terminal.rule.ref) : undefined;
            if (kind === undefined) return unsupported('a cross-reference through this terminal');
            return ['{', `    const n = this.consume(${kind}, ${el(element)});`, `    ${assignCode(assignment, value('this.convertLeaf(n)', 'n'))}`, '}'];
        }
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            const assignment = assignmentOf(element);
            if (element.arguments.length > 0) return unsupported('a rule call with arguments');
            if (GrammarAST.isTerminalRule(rule)) {
                // A terminal's value: consumed and converted in one step (`terminal`).
                const value = `this.terminal(${terminalKind(rule)}, ${elIndex(element)})`;
                if (assignment) return [assignCode(assignment, value)];
                if (ctx.kind === 'datatype') return [`text += String(${value});`];
                return [`this.consume(${terminalKind(rule)}, ${el(element)});`];
            }
            if (!GrammarAST.isParserRule(rule)) return unsupported(`a call of ${element.rule.$refText}`);
            const kind = ruleKind(rule);
            if (kind === 'fragment') {
                if (ctx.kind !== 'object' && ctx.kind !== 'fragment') return unsupported('a fragment called from a data type rule');
                return [`e = this.${methodName(rule)}(e);`];
            }
            const use = assignment ? (kind === 'object' ? assignElementCode : assignCode)(assignment, 'v') : ctx.kind === 'datatype' ? 'text += String(v);' : kind === 'object' ? (ctx.choice ? 'return this.takeOver(v);' : 'e = this.merge(v, e);') : '// A data type rule\'s value with no assignment is dropped, as Langium\'s parser drops it.';
            if (kind === 'datatype') {
                return ['{', `    const n = this.open(${el(element)});`, `    const v = this.data(n, this.${methodName(rule)}(), ${elIndex(element)});`, `    if (v !== NONE) ${use}`, '}'];
            }
            // An element merged into the caller's loses its node at once (`finishMerged` makes none where it would be thrown away).
            const finish = !assignment && ctx.kind !== 'datatype' ? 'finishMerged' : 'finish';
            return ['{', `    const n = this.open(${el(element)});`, `    const v = this.${methodName(rule)}();`, `    if (this.${finish}(v, n)) ${use}`, '}'];
        }
        if (GrammarAST.isAlternatives(element)) {
            const where = `rule ${ctx.rule.name}, ${element.$cstNode?.text.replace(/\s+/g, ' ') ?? 'alternatives'}`;
            const { trie, k } = decide(kk => element.elements.map(alt => concat(firstOf(alt, kk), contAfter(element, kk), kk)), undefined, where);
            const label = `a${labelCount++}`;
            return [`${label}: {`, ...indent(switchCode(trie, k, element.elements.map(alt => genElement(alt, ctx)), ['throw this.s.giveUp();'], `break ${label};`, where)), '}'];
        }
        if (GrammarAST.isUnorderedGroup(element)) return unsupported('an unordered group');
        if (GrammarAST.isGroup(element)) return element.elements.flatMap(e => genElement(e, ctx));
        return unsupported(`the element ${element.$type}`);
    };

    /** The elements' makers (`elementType`), by type: one constant each, named after the type. */
    /** @type {Map<string, string>} */
    const typeConstants = new Map();
    const typeConstant = (/** @type {string} */ type) => {
        let name = typeConstants.get(type);
        if (name === undefined) {
            name = `T_${type.replace(/[^\w]/g, '_')}`;
            while ([...typeConstants.values()].includes(name)) name += '_';
            typeConstants.set(type, name);
        }
        return name;
    };
    /** @type {string[]} */
    const methods = [];
    for (const rule of parserRules) {
        const kind = ruleKind(rule);
        // A choice between rules (`Entry: Met | Delivered | ...`): the element read is the rule's own, merged into one that has
        // only its type, which keeps nothing of it (`takeOver`); the rule's own element is made only if none was read.
        const choice = kind === 'object' && rule.parameters.length === 0 && isChoiceOfRules(rule.definition);
        const ctx = { kind, rule, choice };
        if (rule.parameters.length > 0) {
            notes.push(`rule ${rule.name}: rule parameters are not read by the generated reader; texts are read by Langium's parser`);
        }
        const body = rule.parameters.length > 0 ? ['throw this.s.giveUp();'] : genElement(rule.definition, ctx);
        const signature = kind === 'datatype' ? `${methodName(rule)}(): string` : kind === 'fragment' ? `${methodName(rule)}(e: Element): Element` : `${methodName(rule)}(): Element`;
        const made = () => `new ${typeConstant(GrammarUtils.getTypeName(rule))}()`;
        const start = kind === 'datatype' ? ['let text = \'\';'] : kind === 'fragment' || choice ? [] : [`let e: Element = ${made()};`];
        const end = kind === 'datatype' ? ['return text;'] : choice ? [`return ${made()};`] : ['return e;'];
        const comment = (rule.$cstNode?.text ?? rule.name).split('\n').map(line => line.trimEnd()).filter(line => line.trim().length > 0 && !line.trim().startsWith('/'));
        methods.push('', '/**', ...comment.map(line => ` * ${line.replace(/\*\//g, '* /')}`), ' */', `${signature} {`, ...indent([...start, ...body, ...end]), '}');
    }
    if (ruleKind(entry) !== 'object') {
        notes.push('the entry rule is not a rule of elements; Langium\'s parser reads every text');
    }

    // --- The layout's table: the tokens that start a clause, by the keyword of the block they are in ---
    ensureSets(1);
    const firstNames = (/** @type {GrammarAST.AbstractElement} */ element) => [...firstBody(element, 1).values()].filter(seq => seq.length > 0).map(seq => tokens[seq[0]].name);
    /** @type {Record<string, string[]>} */
    const blockClauses = { top: [...new Set(firstNames(entry.definition))].sort() };
    for (const rule of parserRules) {
        const opener = [...(firstByK.get(1)?.get(rule)?.values() ?? [])];
        const keyword = opener.length === 1 && opener[0].length === 1 && tokens[opener[0][0]].kind === 'keyword' ? tokens[opener[0][0]].name : undefined;
        for (const node of streamElements(rule.definition)) {
            if (!GrammarAST.isGroup(node)) continue;
            node.elements.forEach((open, index) => {
                const loop = node.elements[index + 1];
                const close = node.elements[index + 2];
                if (keyword && GrammarAST.isKeyword(open) && open.value === '{' && loop && (loop.cardinality === '*' || loop.cardinality === '+') && GrammarAST.isKeyword(close) && close.value === '}') {
                    blockClauses[keyword] = [...new Set([...(blockClauses[keyword] ?? []), ...firstNames(loop)])].sort();
                }
            });
        }
    }

    const hash = hashOf(grammarText);
    const lines = [
        '/******************************************************************************',
        ' * Generated by packages/language/scripts/generate-fast-parser.mjs from',
        ' * packages/language/src/charter.langium. DO NOT EDIT MANUALLY: change the',
        ' * grammar and run `npm run build` (or `npm run langium:generate`).',
        ' ******************************************************************************/',
        '/* eslint-disable */',
        '',
        `import { elementType, GeneratedReaderBase, NONE, type Element } from ${q(runtimeImport).replace(/"/g, "'")};`,
        '',
        '/** The grammar file this was generated from (sha-256, first 16 digits): the build regenerates when it changes. */',
        `export const GRAMMAR_HASH = ${q(hash)};`,
        '',
        '/** What the reader leaves to Langium\'s parser (also printed at build time). */',
        `export const UNSUPPORTED: readonly string[] = ${JSON.stringify(notes, null, 4)};`,
        '',
        '/** Token kinds: 0 is the end of the text, then the terminals (with the scanner\'s reader for each), then the keywords. */',
        `export const TOKENS: ReadonlyArray<{ readonly name: string; readonly kind: 'end' | 'terminal' | 'keyword'; readonly role?: string | null; readonly hidden?: boolean }> = [`,
        ...tokens.map((token, index) => `    ${JSON.stringify(token)}, // ${index}`),
        '];',
        '',
        '/** The grammar elements the reader gives as the nodes\' grammar sources, by their path in the grammar, and what each must be. */',
        `export const ELEMENTS: ReadonlyArray<readonly [path: string, type: string, keyword?: string]> = [`,
        ...elementPaths.map((path, index) => `    ${JSON.stringify([path, elementChecks[index].type, ...(elementChecks[index].value !== undefined ? [elementChecks[index].value] : [])])}, // g[${index}]`),
        '];',
        '',
        '/**',
        ' * The tokens that start a clause (keywords by their text, terminals by name),',
        ' * by the keyword of the element whose `{ … }` block they are in (`top`: the',
        ' * file\'s top level): the canonical layout (format/layout.ts) reads clauses by them.',
        ' */',
        `export const BLOCK_CLAUSES: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(blockClauses, null, 4)};`,
        '',
        `/** The entry rule's method. */`,
        `export const ENTRY = ${q(methodName(entry))};`,
        '',
        '/** The makers of the elements the reader builds, by type (`elementType`). */',
        ...[...typeConstants].map(([type, name]) => `const ${name} = elementType(${q(type)});`),
        '',
        '/** The reader: one method a parser rule, in the grammar\'s order. */',
        'export class GeneratedReader extends GeneratedReaderBase {',
        ...indent(methods),
        ...indent(decisionMethods.length > 0 ? ['', ...decisionMethods] : []),
        '}',
        ''
    ];
    return { code: lines.join('\n').replace(/[ \t]+$/gm, ''), notes, hash };
}

/** Whether `element` is alternatives of unassigned calls of rules of elements, each once, and nothing else. */
function isChoiceOfRules(/** @type {GrammarAST.AbstractElement} */ element) {
    return GrammarAST.isAlternatives(element) && !element.cardinality && element.elements.every(alt =>
        GrammarAST.isRuleCall(alt) && !alt.cardinality && alt.arguments.length === 0 && GrammarAST.isParserRule(alt.rule.ref)
        && !alt.rule.ref.fragment && !GrammarUtils.isDataTypeRule(alt.rule.ref));
}

function indent(/** @type {string[]} */ lines) {
    return lines.map(line => (line.length > 0 ? `    ${line}` : line));
}

/** The grammar elements below (and with) `element`, in order. */
function* streamElements(/** @type {import('langium').AstNode} */ element) {
    yield element;
    for (const [name, value] of Object.entries(element)) {
        if (name.startsWith('$')) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
            if (item && typeof item === 'object' && typeof item.$type === 'string' && !('$ref' in item) && !('ref' in item && '$refText' in item)) yield* streamElements(item);
        }
    }
}

/** Generates (or, with `check`, compares); prints what the reader leaves to Langium's parser. Returns false if stale (check). */
export async function run({ check = false, quiet = false } = {}) {
    const { grammar, locator, text } = await loadGrammar();
    const { code, notes } = generate(grammar, locator, text);
    if (!quiet) {
        for (const note of notes) console.warn(`fast parser: ${note}`);
    }
    const current = existsSync(OUT_FILE) ? readFileSync(OUT_FILE, 'utf8') : undefined;
    if (check) return current === code;
    if (current !== code) {
        mkdirSync(dirname(OUT_FILE), { recursive: true });
        writeFileSync(OUT_FILE, code);
        if (!quiet) console.log(`fast parser: wrote ${relative(repoRoot, OUT_FILE)}`);
    }
    return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const check = process.argv.includes('--check');
    run({ check }).then(ok => {
        if (!ok) {
            console.error(`${relative(repoRoot, OUT_FILE)} is stale: run npm run langium:generate`);
            process.exitCode = 1;
        }
    }, error => {
        console.error(`fast parser: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 2;
    });
}
