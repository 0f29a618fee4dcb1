import { DefaultNameProvider, type AstNode, type CstNode } from 'langium';
import { nodeForProperty } from '../util/cst-search.js';

/**
 * Langium's name provider, finding a name's node as its `findNodeForProperty`
 * does (the first `name` in the element's own nodes) but stopping there:
 * Langium's collects every match first, visiting each child of the element,
 * so the name of a charter or a journal (asked for by the workspace's names
 * after every change) cost a walk of its thousands of elements or entries.
 */
export class CharterNameProvider extends DefaultNameProvider {
    override getNameNode(node: AstNode): CstNode | undefined {
        return nodeForProperty(node.$cstNode, 'name');
    }
}
