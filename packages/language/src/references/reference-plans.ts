import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstReflection, type Grammar } from 'langium';

/** A reference property of a type, with the type it names and a small number standing for that type (see `ReferencePlans.slots`). */
export interface PlannedReference {
    readonly property: string;
    readonly referenceType: string;
    readonly slot: number;
}

/**
 * Where an element of a type holds its references, read from the grammar
 * and the reflection, so that linking a journal's thousands of entries goes
 * straight to their reference fields instead of looking through every field
 * of every entry.
 */
export interface ReferencePlan {
    /**
     * The reference properties in the order an element's fields get them
     * (the order of the grammar's assignments), which is the order Langium's
     * linker (walking the fields) links them in.
     */
    readonly references: readonly PlannedReference[];
    /**
     * The one property that may hold elements, whose elements are linked by
     * their own plans; undefined if there is none, or if there are several.
     */
    readonly children: string | undefined;
    /** Whether elements are to be looked for field by field, as Langium's linker does (several properties may hold them). */
    readonly walkChildren: boolean;
}

/**
 * The reference plans of the grammar's types, made when first asked for. A
 * type gets none (`undefined`: walk its fields) unless the grammar settles
 * the order of its reference fields: one parser rule makes it, without
 * actions or fragments, and no alternative or repetition assigns two
 * different reference properties, nor is a property assigned again after
 * another one.
 */
export class ReferencePlans {
    protected readonly plans = new Map<string, ReferencePlan | undefined>();
    protected readonly rulesByType = new Map<string, GrammarAST.ParserRule[]>();
    protected readonly slotOfType = new Map<string, number>();

    constructor(grammar: Grammar, protected readonly reflection: AstReflection) {
        for (const rule of grammar.rules) {
            if (GrammarAST.isParserRule(rule) && !rule.fragment && !GrammarUtils.isDataTypeRule(rule)) {
                const type = GrammarUtils.getRuleTypeName(rule);
                const rules = this.rulesByType.get(type);
                if (rules) rules.push(rule);
                else this.rulesByType.set(type, [rule]);
            }
        }
    }

    /** How many reference types have a slot so far (slots are 0, 1, …: an index into a per-journal array, not a map lookup per reference). */
    get slots(): number {
        return this.slotOfType.size;
    }

    /** The plan of a type, or undefined if its fields are to be walked. */
    of(type: string): ReferencePlan | undefined {
        let plan = this.plans.get(type);
        if (plan === undefined && !this.plans.has(type)) {
            plan = this.make(type);
            this.plans.set(type, plan);
        }
        return plan;
    }

    protected make(type: string): ReferencePlan | undefined {
        const rules = this.rulesByType.get(type);
        if (!rules || rules.length !== 1) {
            return undefined;
        }
        const definition = rules[0].definition;
        const order: string[] = [];
        const children = new Set<string>();
        let last: string | undefined;
        for (const node of [definition, ...AstUtils.streamAllContents(definition)]) {
            if (GrammarAST.isAction(node) || (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref) && (node.rule.ref.fragment || (!isAssigned(node) && !GrammarUtils.isDataTypeRule(node.rule.ref))))) {
                // Fields set by an action, a fragment or a rule called without an assignment (its element takes the place of this one).
                return undefined;
            }
            const cardinality = (node as Partial<GrammarAST.AbstractElement>).cardinality;
            if ((GrammarAST.isAlternatives(node) || GrammarAST.isUnorderedGroup(node) || cardinality === '*' || cardinality === '+') && referencePropertiesIn(node).size > 1) {
                return undefined;
            }
            if (GrammarAST.isAssignment(node)) {
                if (GrammarAST.isCrossReference(node.terminal)) {
                    if (node.feature !== last) {
                        if (order.includes(node.feature)) {
                            // Assigned again after another reference property: the fields' order depends on the text.
                            return undefined;
                        }
                        order.push(node.feature);
                        last = node.feature;
                    }
                } else if (mayHoldElement(node.terminal)) {
                    children.add(node.feature);
                }
            }
        }
        const properties = this.reflection.getTypeMetaData(type).properties;
        const declared = Object.values(properties).filter(property => property.referenceType !== undefined);
        if (declared.length !== order.length) {
            return undefined;
        }
        const references: PlannedReference[] = [];
        for (const property of order) {
            const referenceType = properties[property]?.referenceType;
            if (referenceType === undefined) {
                return undefined;
            }
            let slot = this.slotOfType.get(referenceType);
            if (slot === undefined) {
                slot = this.slotOfType.size;
                this.slotOfType.set(referenceType, slot);
            }
            references.push({ property, referenceType, slot });
        }
        return { references, children: children.size === 1 ? [...children][0] : undefined, walkChildren: children.size > 1 };
    }
}

/** The reference properties assigned in a part of a rule. */
function referencePropertiesIn(node: GrammarAST.AbstractElement | AstNode): Set<string> {
    const properties = new Set<string>();
    for (const inner of [node, ...AstUtils.streamAllContents(node)]) {
        if (GrammarAST.isAssignment(inner) && GrammarAST.isCrossReference(inner.terminal)) {
            properties.add(inner.feature);
        }
    }
    return properties;
}

/** Whether a rule call is (in) the value of an assignment. */
function isAssigned(node: AstNode): boolean {
    for (let current = node.$container; current !== undefined && !GrammarAST.isParserRule(current); current = current.$container) {
        if (GrammarAST.isAssignment(current)) {
            return true;
        }
    }
    return false;
}

/** Whether an assignment's value may be an element: anything but a keyword, a terminal or a data type rule (or alternatives of those). */
function mayHoldElement(terminal: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isKeyword(terminal)) {
        return false;
    }
    if (GrammarAST.isRuleCall(terminal)) {
        const rule = terminal.rule.ref;
        return !(GrammarAST.isTerminalRule(rule) || (GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule)));
    }
    if (GrammarAST.isAlternatives(terminal)) {
        return terminal.elements.some(mayHoldElement);
    }
    return true;
}
