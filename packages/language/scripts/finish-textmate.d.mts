/** The TextMate grammar Langium writes, as the repository keeps it (syntaxes/charter.tmLanguage.json). */
export const TEXTMATE_FILE: string;
/** The generated grammar's text, finished: the quoted string's region ends at its closing quote or at the end of its line. */
export function finishTextMate(text: string): string;
/** Finishes the file in place (the repository's by default). */
export function finishTextMateFile(file?: string): void;
