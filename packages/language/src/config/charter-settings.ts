/** Settings that come from the CLI's flags or the editor's configuration. */
export class CharterSettings {
    /** Today's date (YYYY-MM-DD) for date-dependent rules; undefined means the real date. */
    today?: string;

    /**
     * Settles once the editor's settings have been read at start and `today`
     * set from them (the language server: see `followEditorSettings`); at once
     * elsewhere. The workspace's first check waits for it, and so does a
     * request answered from dates before that check (the portfolio), or they
     * could be answered as of the real date before `entente.today` arrives.
     */
    editorSettingsRead: Promise<void> = Promise.resolve();

    /** The effective date: the configured one, else today's in local time. */
    effectiveToday(): string {
        if (this.today) {
            return this.today;
        }
        const now = new Date();
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    }
}
