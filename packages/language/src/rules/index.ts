import type { Rule } from './rule.js';
import { duplicateName } from './duplicate-name.js';
import { outsiderReference } from './outsider-reference.js';
import { syntax } from './syntax.js';
import { tooFewParties } from './too-few-parties.js';
import { unresolvedReference } from './unresolved-reference.js';

/** Every rule, in alphabetical order of id. Adding a rule: one file, one line here. */
export const allRules: readonly Rule[] = [
    duplicateName,
    outsiderReference,
    syntax,
    tooFewParties,
    unresolvedReference
];

const rulesById = new Map(allRules.map(rule => [rule.meta.id, rule]));

/** The rule with this id, if any. */
export function findRule(id: string): Rule | undefined {
    return rulesById.get(id);
}

export * from './rule.js';
