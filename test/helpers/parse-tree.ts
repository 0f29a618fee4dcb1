import { AstUtils, isAstNode, isCompositeCstNode, isReference, type AstNode, type CstNode, type Grammar, type ParseResult } from 'langium';

const grammarIndexes = new WeakMap<Grammar, Map<unknown, number>>();

/** Grammar elements numbered in the grammar's own order, so two trees can name the same one. */
function grammarIndex(grammar: Grammar): Map<unknown, number> {
    let index = grammarIndexes.get(grammar);
    if (!index) {
        index = new Map(AstUtils.streamAst(grammar).toArray().map((element, i) => [element as unknown, i]));
        grammarIndexes.set(grammar, index);
    }
    return index;
}

/** The element a syntax node holds itself (not through its container), whichever node classes the parser made. */
function ownElement(node: CstNode): AstNode | undefined {
    const fields = node as unknown as { ownAstNode?: AstNode; _astNode?: AstNode };
    const own = 'ownAstNode' in fields ? fields.ownAstNode : fields._astNode;
    return typeof own?.$type === 'string' ? own : undefined;
}

/**
 * Everything a parse holds, written out: each syntax node (kind, place,
 * range, token type, grammar source, the element it holds), each element
 * (type, fields in their order, values, references and where they point,
 * its node, container and place in it). Two parses are the same when these are.
 */
export function writeOutParse(result: ParseResult<AstNode>, grammar: Grammar): unknown {
    const grammarElements = grammarIndex(grammar);
    const cstNodes: CstNode[] = [];
    const walk = (node: CstNode) => {
        cstNodes.push(node);
        if (isCompositeCstNode(node)) node.content.forEach(walk);
    };
    walk(result.value.$cstNode!.root);
    const cstIndex = new Map(cstNodes.map((node, index) => [node, index]));
    const elements = AstUtils.streamAst(result.value).toArray();
    const elementIndex = new Map(elements.map((node, index) => [node, index]));
    const value = (field: unknown): unknown => {
        if (Array.isArray(field)) return field.map(value);
        if (isAstNode(field)) return `element ${elementIndex.get(field)}`;
        if (isReference(field)) return { refText: field.$refText, refNode: cstIndex.get(field.$refNode!) };
        if (field && typeof field === 'object') return `object of ${Object.keys(field).join(',')}`;
        return field;
    };
    return {
        cst: cstNodes.map(node => ({
            kind: isCompositeCstNode(node) ? 'composite' : 'leaf',
            container: node.container ? cstIndex.get(node.container) : undefined,
            offset: node.offset, end: node.end, hidden: node.hidden, range: node.range, text: node.text,
            tokenType: 'tokenType' in node ? (node.tokenType as { name: string }).name : undefined,
            grammarSource: node.grammarSource ? grammarElements.get(node.grammarSource) : undefined,
            ownElement: elementIndex.get(ownElement(node)!),
            element: elementIndex.get(node.astNode)
        })),
        elements: elements.map(element => ({
            fields: Object.keys(element),
            values: Object.entries(element).filter(([key]) => !key.startsWith('$')).map(([key, field]) => [key, value(field)]),
            type: element.$type,
            cstNode: cstIndex.get(element.$cstNode!),
            container: element.$container ? elementIndex.get(element.$container) : undefined,
            property: element.$containerProperty, index: element.$containerIndex
        })),
        errors: [result.lexerErrors.length, result.parserErrors.length]
    };
}
