/** The stored table of one's own is read back only when it is one. */
import { describe, expect, it } from 'vitest';
import { readStoredTable } from './tableStorage';

describe('readStoredTable', () => {
  it('reads a stored table and refuses anything else', () => {
    expect(readStoredTable(['a,b\n1,2', 'x.csv', 1, 'regression'])).toEqual(['a,b\n1,2', 'x.csv', 1, 'regression']);
    expect(readStoredTable(null)).toBeNull();
    expect(readStoredTable(['a,b', 'x.csv', '1', 'regression'])).toBeNull();
    expect(readStoredTable(['a,b', 'x.csv', 1, 'clustering'])).toBeNull();
    expect(readStoredTable({ text: 'a,b' })).toBeNull();
  });
});
