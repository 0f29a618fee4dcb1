import { createCharterServices, type CharterServices, type DocumentModel, type Finding } from '@entente/language';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { URI } from 'vscode-uri';

/** Services shared by a test file: create once per file, clear documents after each test. */
export function createTestServices(): CharterServices {
    return createCharterServices(EmptyFileSystem).Charter;
}

export interface CheckedDocument {
    document: LangiumDocument;
    model: DocumentModel;
    findings: Finding[];
}

/**
 * Loads the given files (name → text) as one workspace, builds it with the real
 * Langium pipeline and returns each file's model and findings (through the same
 * rule runner the CLI and the server use).
 */
export async function checkWorkspace(
    services: CharterServices,
    files: Record<string, string>,
    options: { today?: string } = {}
): Promise<Record<string, CheckedDocument>> {
    services.charter.Settings.today = options.today ?? '2026-11-22';
    const documents = Object.entries(files).map(([name, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return [name, document] as const;
    });
    await services.shared.workspace.DocumentBuilder.build(documents.map(([, document]) => document), { validation: true });
    const result: Record<string, CheckedDocument> = {};
    for (const [name, document] of documents) {
        result[name] = {
            document,
            model: services.charter.ModelBuilder.getModel(document),
            findings: services.charter.RuleRunner.run(document)
        };
    }
    return result;
}

/** Checks a single charter text. */
export async function checkText(services: CharterServices, text: string, options: { today?: string } = {}): Promise<CheckedDocument> {
    return (await checkWorkspace(services, { 'test.charter': text }, options))['test.charter'];
}

/** Removes every document, so the next test starts from an empty workspace. */
export async function clearDocuments(services: CharterServices): Promise<void> {
    const documents = services.shared.workspace.LangiumDocuments;
    const uris = documents.all.map(document => document.uri).toArray();
    await services.shared.workspace.DocumentBuilder.update([], uris);
}

/** The rule ids of the findings, sorted. */
export function ruleIds(findings: Finding[]): string[] {
    return findings.map(finding => finding.ruleId).sort();
}

/** Two healthy parties (the reference charter's Acme and Globex, test/fixtures/reference) to build small test charters on. */
export const TWO_PARTIES = `
party Acme "Acme Corporation" {
    role AllianceLead "Alliance manager"
    role Sponsor "VP Partnerships"
}
party Globex "Globex Inc." {
    role PartnerManager "Partner manager"
    role Sponsor "Chief Revenue Officer"
}
`;
