import { DefaultScopeComputation, type AstNodeDescription, type LangiumDocument } from 'langium';
import { isParty } from './generated/ast.js';

/**
 * Exports parties and charters under their names, and every role under its
 * qualified name (`Acme.Sponsor`), so all three are global across the
 * workspace. Bodies, decisions, escalations and objectives stay local to
 * their charter (Langium's default local symbols).
 */
export class CharterScopeComputation extends DefaultScopeComputation {
    protected override addExportedSymbol(node: Parameters<DefaultScopeComputation['addExportedSymbol']>[0], exports: AstNodeDescription[], document: LangiumDocument): void {
        super.addExportedSymbol(node, exports, document);
        if (isParty(node) && node.name) {
            for (const role of node.roles) {
                if (role.name) {
                    exports.push(this.descriptions.createDescription(role, `${node.name}.${role.name}`, document));
                }
            }
        }
    }
}
