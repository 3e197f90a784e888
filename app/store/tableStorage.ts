/**
 * The table of one's own, kept in this browser (IndexedDB, a database of its own) so that a reload
 * finds it again: its text and the choices made (file name, target, task). One table at a time.
 * Nothing of it leaves the browser.
 */
import type { OwnTable } from '../bridge/ownTable';
import { transact } from './idb';

const DB = 'training-playground-table';
const STORE = 'table';
const KEY = 'current';

/** A stored value as a table, or null when it is not one (an older page's, a broken record). */
export function readStoredTable(value: unknown): OwnTable | null {
  if (!Array.isArray(value) || value.length !== 4) return null;
  const [text, fileName, target, task] = value as unknown[];
  if (typeof text !== 'string' || typeof fileName !== 'string' || typeof target !== 'number' || (task !== 'classification' && task !== 'regression')) return null;
  return [text, fileName, target, task];
}

export async function loadTable(): Promise<OwnTable | null> {
  return readStoredTable(await transact(DB, STORE, 'readonly', (store) => store.get(KEY)));
}

export async function saveTable(table: OwnTable): Promise<void> {
  await transact(DB, STORE, 'readwrite', (store) => store.put(table, KEY));
}
