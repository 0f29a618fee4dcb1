import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';

export type Convert = (input: string) => ValueType;

const unchanged: Convert = input => input;

/**
 * Langium's value conversion, with the conversion of each grammar rule worked
 * out once, and each grammar element's rule found once: Langium's works out
 * the rule's type again for every token (a walk of the grammar and a few
 * arrays each time). Strings without escapes are
 * sliced instead of copied character by character.
 */
export class CharterValueConverter extends DefaultValueConverter {
    private readonly byRule = new Map<GrammarAST.AbstractRule, Convert>();
    private readonly byFeature = new Map<GrammarAST.AbstractElement | undefined, Convert>();

    /** Langium's conversion, looked up by the node's grammar source once per grammar element rather than for every token. */
    override convert(input: string, cstNode: CstNode): ValueType {
        return this.conversionOf(cstNode.grammarSource)(input);
    }

    /** The conversion of a text read through `feature` (a rule call, or a cross-reference to a rule's text). */
    conversionOf(feature: GrammarAST.AbstractElement | undefined): Convert {
        let convert = this.byFeature.get(feature);
        if (convert === undefined) {
            let element = feature;
            if (GrammarAST.isCrossReference(element)) {
                element = GrammarUtils.getCrossReferenceTerminal(element);
            }
            const rule = GrammarAST.isRuleCall(element) ? element.rule.ref : undefined;
            if (GrammarAST.isRuleCall(element) && !rule) {
                throw new Error('This cst node was not parsed by a rule.');
            }
            convert = rule ? this.converterOfRule(rule) : unchanged;
            this.byFeature.set(feature, convert);
        }
        return convert;
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        return this.converterOfRule(rule)(input);
    }

    private converterOfRule(rule: GrammarAST.AbstractRule): Convert {
        let convert = this.byRule.get(rule);
        if (convert === undefined) {
            convert = converterFor(rule);
            this.byRule.set(rule, convert);
        }
        return convert;
    }
}

function converterFor(rule: GrammarAST.AbstractRule): Convert {
    switch (rule.name.toUpperCase()) {
        case 'INT': return ValueConverter.convertInt;
        case 'STRING': return convertString;
        case 'ID': return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number': return ValueConverter.convertNumber;
        case 'boolean': return ValueConverter.convertBoolean;
        case 'bigint': return ValueConverter.convertBigint;
        case 'date': return ValueConverter.convertDate;
        default: return input => input;
    }
}

function convertString(input: string): string {
    return input.includes('\\') ? ValueConverter.convertString(input) : input.slice(1, -1);
}
