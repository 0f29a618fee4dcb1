import type { LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import type { BodyModel, CharterModel, DecisionModel, EscalationModel } from '../model/types.js';
import { listText } from '../wording.js';

/** Which inlay hints to show (settings `entente.inlayHints.decisions|bodies|escalations`, all on by default). */
interface InlayHintSettings {
    decisions?: boolean;
    bodies?: boolean;
    escalations?: boolean;
}

/**
 * Makes the analysis visible where it applies: after each decision who
 * controls and who can block it, after each body its seat split and rule,
 * after each escalation its worst-case time to resolution.
 */
export class CharterInlayHintProvider implements InlayHintProvider {
    constructor(protected readonly services: CharterServices) {}

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[] | undefined> {
        const settings = ((await this.services.shared.workspace.ConfigurationProvider.getConfiguration('charter', 'inlayHints')) ?? {}) as InlayHintSettings;
        const model = this.services.charter.ModelBuilder.getModel(document);
        const hints: InlayHint[] = [];
        for (const charter of model.charters) {
            if (settings.decisions !== false) {
                charter.decisions.forEach(decision => hints.push(hint(decision.source.nameRange.end, decisionLabel(decision, charter))));
            }
            if (settings.bodies !== false) {
                charter.bodies.forEach(body => hints.push(hint(body.source.nameRange.end, bodyLabel(body, charter))));
            }
            if (settings.escalations !== false) {
                charter.escalations.forEach(escalation => hints.push(hint(escalation.source.nameRange.end, escalationLabel(escalation))));
            }
        }
        const { start, end } = params.range;
        return hints.filter(h => h.position.line >= start.line && h.position.line <= end.line);
    }
}

function hint(position: InlayHint['position'], label: string): InlayHint {
    return { position, label, kind: InlayHintKind.Parameter, paddingLeft: true };
}

/** "Acme alone" / "joint · both can block" / "no one controls · Acme, Globex can block". */
export function decisionLabel(decision: DecisionModel, charter: CharterModel): string {
    if (decision.deciders.length === 0) {
        return 'no decider';
    }
    const [controller] = decision.controllingParties;
    if (controller) {
        const others = decision.blockingParties.filter(party => party !== controller);
        return others.length ? `${controller} alone · ${listText(others)} can block` : `${controller} alone`;
    }
    const blockers = decision.blockingParties;
    if (blockers.length === charter.parties.length && blockers.length === 2) {
        return 'joint · both can block';
    }
    if (blockers.length === charter.parties.length && blockers.length > 2) {
        return 'joint · all can block';
    }
    return `no one alone · ${blockers.length ? `${listText(blockers)} can block` : 'no one can block'}`;
}

/** "2:2 · unanimity" (seats per charter party, in the charter's order). */
export function bodyLabel(body: BodyModel, charter: CharterModel): string {
    const split = charter.parties.map(party => body.seatsByParty[party] ?? 0).join(':');
    return `${split} · ${body.voting}`;
}

/** "≤ 30 days → mediation", "untimed → mediation", "≤ 30 days → no final step". */
export function escalationLabel(escalation: EscalationModel): string {
    const time = escalation.levels.length === 0 ? 'no levels' : escalation.worstCaseDays === undefined ? 'untimed' : `≤ ${escalation.worstCaseDays} days`;
    return `${time} → ${escalation.finalStep?.kind ?? 'no final step'}`;
}
