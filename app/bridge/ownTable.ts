/**
 * The table of one's own in use (the `custom` data set): its text and choices, kept in the page so
 * that every worker that trains it — the run's, each comparison's, one restarted after a crash — is
 * given the same table. Nothing of it leaves the browser.
 */
export type OwnTable = [text: string, fileName: string, target: number, task: 'classification' | 'regression'];

let table: OwnTable | null = null;

export function ownTable(): OwnTable | null {
  return table;
}

export function setOwnTable(next: OwnTable | null): void {
  table = next;
}
