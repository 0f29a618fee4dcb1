/**
 * Custom messages between the Entente language server and its clients (the
 * VS Code extension; any editor may use them). One namespace a message:
 * its method, `Params`, `Result` and `type`. Imported by the server and by
 * the extension, so both sides agree on the shapes at compile time.
 *
 * This file must stay free of Langium and Node imports: the extension bundles it.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CharterHealth } from './health/types.js';
import type { CharterHistory } from './journal/history.js';
import type { CharterModel, PartyInfo, Range } from './model/types.js';
import type { Severity } from './rules/rule.js';
import type { Portfolio } from './portfolio/portfolio.js';

/** A finding as the preview shows it (the shape of `@entente/diagrams`' DiagramFinding, plus its range). */
export interface PreviewFinding {
    ruleId: string;
    severity: Severity;
    message: string;
    /** The element it is about, as `Charter.Element` (matches the diagrams' `data-element`). */
    element?: string;
    /** One-based line of the finding's start, for display. */
    line?: number;
    range: Range;
}

/** A finding on a journal entry, by the entry's file and 1-based line (marks the entry on the journal views). */
export interface JournalFinding {
    ruleId: string;
    uri: string;
    line: number;
    /** The element it is about, as `Charter.Element` (a body's lane, a metric's panel). */
    element?: string;
}

/**
 * A charter's history for the journal views (timeline, metric trends,
 * perception radar): all its journals read as one, as of the server's today,
 * and the findings on their entries.
 */
export interface JournalPreview extends Pick<CharterHistory, 'journals' | 'entries' | 'disputes' | 'readings' | 'today'> {
    findings: JournalFinding[];
}

/** What the preview draws for one charter of a document. */
export interface CharterPreview {
    model: CharterModel;
    /** Present when the server has a health scorer. */
    health?: CharterHealth;
    findings: PreviewFinding[];
    /** Present when the charter has a journal (without one, execution is not measured). */
    journal?: JournalPreview;
}

/**
 * `entente/preview`, sent by the client (the VS Code extension's preview,
 * status bar and export) to get what it draws for a document: the partnership
 * model of each charter, its health and its findings, once the document is
 * validated. The client renders; the server stays free of drawing code.
 */
export namespace PreviewRequest {
    export const method = 'entente/preview';
    export interface Params {
        /** The document's URI, as the client knows it. */
        uri: string;
    }
    export interface Result {
        uri: string;
        /** The version of the text the result was computed from (0 for a file read from disk). */
        version: number;
        /** The document's charters, in source order. */
        charters: CharterPreview[];
        /** Parties declared in the document itself (a party file has no charter but is still worth showing). */
        parties: PartyInfo[];
        /** Base URL rule docs are published under (`<base>docs/rules/<id>.md`). */
        docsBaseUrl: string;
    }
    /** Resolves to null when the server does not know the document. */
    export const type = new RequestType<Params, Result | null, void>(method);
}

/**
 * `entente/modelChanged`, sent by the server to the client after a document
 * open in the client has been validated (its model, findings and health are
 * new). The client asks `entente/preview` again when it shows that document.
 */
export namespace ModelChangedNotification {
    export const method = 'entente/modelChanged';
    export interface Params {
        uri: string;
        version: number;
    }
    export const type = new NotificationType<Params>(method);
}

/**
 * `entente/portfolio`, sent by the client (the VS Code extension's portfolio
 * webview and Partnerships view) to get the portfolio of the whole workspace
 * once it is validated: every charter with its layers, the people view and
 * the due list (OPERATIONS.md, "The portfolio").
 */
export namespace PortfolioRequest {
    export const method = 'entente/portfolio';
    export interface Params {
        /** Days ahead the due list looks (default 90). */
        horizonDays?: number;
    }
    export interface Result {
        portfolio: Portfolio;
        /** `overloaded-role`'s workspace threshold, for the people chart. */
        maxInWorkspace: number;
    }
    export const type = new RequestType<Params, Result, void>(method);
}

/**
 * `entente/workspaceChanged`, sent by the server after each build of the
 * workspace has been validated (a file edited, added or deleted): the
 * client asks `entente/portfolio` again when it shows the portfolio.
 */
export namespace WorkspaceChangedNotification {
    export const method = 'entente/workspaceChanged';
    export type Params = Record<string, never>;
    export const type = new NotificationType<Params>(method);
}
