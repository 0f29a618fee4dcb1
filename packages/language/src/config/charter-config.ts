import type { RuleLevel, RuleMeta, RuleOptionValue } from '../rules/rule.js';

/** One rule's configuration: a level, or a level with options. */
export type RuleSetting = RuleLevel | { level?: RuleLevel; options?: Record<string, RuleOptionValue> };

/** The contents of an `entente.json` file. */
export interface EntenteConfig {
    rules?: Record<string, RuleSetting>;
}

/** The configuration in force for one document. */
export class ResolvedConfig {
    constructor(readonly config: EntenteConfig = {}, readonly path?: string) {}

    /** The level a rule runs at: structural rules are always errors. */
    levelOf(meta: RuleMeta): RuleLevel {
        if (meta.structural) {
            return 'error';
        }
        const setting = this.config.rules?.[meta.id];
        if (typeof setting === 'string') {
            return setting;
        }
        return setting?.level ?? meta.severity;
    }

    /** The rule's options: its defaults overridden by the configuration. */
    optionsOf(meta: RuleMeta): Record<string, RuleOptionValue> {
        const setting = this.config.rules?.[meta.id];
        const configured = typeof setting === 'object' ? setting.options : undefined;
        return { ...meta.options, ...configured };
    }
}

/** Finds the configuration in force for a document. */
export interface ConfigProvider {
    getConfig(documentUri: string): ResolvedConfig;
}
