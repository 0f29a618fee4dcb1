import { allRules, closest, findRule } from '@entente/language';
import { CliError } from '../cli-error.js';
import { parseFlags, type Command } from '../command.js';
import { RULE_DOCS } from '../generated/rule-docs.js';

export const explainCommand: Command = {
    name: 'explain',
    summary: 'Explain a rule: what fires it, why it matters, examples and configuration.',
    help: `Usage: entente explain [RULE-ID]

Prints the documentation page of a rule (docs/rules/RULE-ID.md). With no
rule id, lists every rule with its default level and summary.`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {});
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        if (positionals.length > 1) {
            throw new CliError('explain takes one rule id (see --help)');
        }
        const [id] = positionals;
        if (id === undefined) {
            const width = Math.max(...allRules.map(rule => rule.meta.id.length));
            io.out(allRules.map(rule => `${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(7)}  ${rule.meta.summary}`).join('\n') + '\n');
            return 0;
        }
        const rule = findRule(id);
        if (!rule) {
            const suggestion = closest(id, allRules.map(candidate => candidate.meta.id));
            throw new CliError(`unknown rule '${id}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; 'entente explain' lists them all`);
        }
        io.out(RULE_DOCS[rule.meta.id] ?? `# ${rule.meta.id}\n\n${rule.meta.summary}\n`);
        return 0;
    }
};
