/** Settings that come from the CLI's flags or the editor's configuration. */
export class CharterSettings {
    /** Today's date (YYYY-MM-DD) for date-dependent rules; undefined means the real date. */
    today?: string;

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
