/** Own CSV files (issue 13.1, the reading part): any common layout in, a data set out, and refusals that name row and column. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_TABLE_BYTES, readUserTable, suggestTask, tableData } from '../data/sets/userTable';
import { parseIris } from '../data/sets/realSets';

const error = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('readUserTable', () => {
  it('reads a header, commas, quotes, a BOM and Windows line ends', () => {
    const t = readUserTable('\uFEFFsepal length,"name, with comma",species\r\n5.1,3.5,setosa\r\n\r\n6.2,"2.9",virginica\r\n');
    expect(t.columns).toEqual(['sepal length', 'name, with comma', 'species']);
    expect(t.rows).toEqual([['5.1', '3.5', 'setosa'], ['6.2', '2.9', 'virginica']]);
    expect(t.lines).toEqual([2, 4]);
    expect(t.hasHeader).toBe(true);
  });

  it('reads semicolons and tabs, and a table without a header', () => {
    expect(readUserTable('a;b\n1,5;2').columns).toEqual(['a', 'b']);
    expect(readUserTable('a;b\n1,5;2').rows).toEqual([['1,5', '2']]);
    const tabs = readUserTable('1\t2\t0\n3\t4\t1\n');
    expect(tabs.hasHeader).toBe(false);
    expect(tabs.columns).toEqual(['column 1', 'column 2', 'column 3']);
    expect(tabs.rows).toHaveLength(2);
  });

  it('refuses an empty file, one column, a header alone, ragged rows and a 50 MB file', () => {
    expect(error(() => readUserTable(' \n\n'))).toBe('The file is empty: expected a table with a header row and rows of numbers.');
    expect(error(() => readUserTable('x\n1\n2'))).toMatch(/^The table has one column/);
    expect(error(() => readUserTable('a,b,c\n'))).toBe('The table has a header row but no rows of data.');
    expect(error(() => readUserTable('a,b,c\n1,2,3\n4,5\n6,7,8'))).toBe('Row 3 has 2 values; the header has 3 (a, b, c).');
    expect(error(() => readUserTable('a,b\n1,2', MAX_TABLE_BYTES + 1))).toBe('The file is 50 MB; the playground reads tables up to 50 MB.');
  });
});

describe('tableData', () => {
  const table = readUserTable('x1,x2,kind,size\n1,2,cat,0.5\n3,4,dog,1.5\n5,6,cat,2.5\n7,8,ant,3.5\n');

  it('makes classes of a text column (alphabetical) and features of the others', () => {
    const data = tableData(table, 2, 'classification');
    if (data.task !== 'classification') throw new Error('expected classes');
    expect(data.classNames).toEqual(['ant', 'cat', 'dog']);
    expect(Array.from(data.y)).toEqual([1, 2, 1, 0]);
    expect(data.featureNames).toEqual(['x1', 'x2', 'size']);
    expect(Array.from(data.x.subarray(0, 3))).toEqual([1, 2, 0.5]);
    expect(suggestTask(table, 2)).toBe('classification');
    expect(suggestTask(table, 3)).toBe('regression');
  });

  it('makes a regression target of a number column', () => {
    const data = tableData(readUserTable('x1,x2,y\n1,2,0.5\n3,4,1.5\n'), 2, 'regression');
    expect(data).toMatchObject({ task: 'regression', targetName: 'y', features: 2, n: 2 });
    expect(Array.from(data.y)).toEqual([0.5, 1.5]);
  });

  it('names the row and column of a cell that is not a number, and refuses one class or too many', () => {
    expect(error(() => tableData(readUserTable('a,b,c\n1,2,0\n3,x,1\n'), 2, 'classification'))).toBe(
      'Row 3, column "b": expected a number; got "x". Every column but the target must be numeric.',
    );
    expect(error(() => tableData(readUserTable('a,b,c\n1,,0\n3,4,1\n'), 2, 'classification'))).toMatch(/^Row 2, column "b": expected a number; got an empty cell/);
    expect(error(() => tableData(readUserTable('a,b,c\n1,2,yes\n3,4,yes\n'), 2, 'classification'))).toBe(
      'The column "c" holds one class only (yes): a classifier needs at least two. Pick another target, or regression.',
    );
    const many = 'a,b\n' + Array.from({ length: 30 }, (_, i) => `${i},${i * 0.37}`).join('\n');
    expect(error(() => tableData(readUserTable(many), 1, 'classification'))).toMatch(/holds 30 different values; classification takes up to 20 classes/);
    expect(error(() => tableData(table, 2, 'regression'))).toBe('Row 2, column "kind": a regression target must be a number; got "cat".');
  });

  it('reads a bundled set written as a plain CSV the same as its own parser does', () => {
    const iris = parseIris(readFileSync('public/datasets/iris.csv', 'utf8'));
    const rows = Array.from({ length: iris.n }, (_, i) => [...iris.x.subarray(i * 4, i * 4 + 4)].map((v) => String(Number(v.toPrecision(6)))).join(',') + `,${iris.classNames[iris.y[i]]}`);
    const data = tableData(readUserTable(['sepal length,sepal width,petal length,petal width,species', ...rows].join('\n')), 4, 'classification');
    if (data.task !== 'classification') throw new Error('expected classes');
    expect(data.classNames).toEqual([...iris.classNames].sort());
    expect(data.n).toBe(150);
    for (let i = 0; i < 600; i++) expect(data.x[i]).toBeCloseTo(iris.x[i], 5);
    expect(Array.from(data.y).map((c) => data.classNames[c])).toEqual(Array.from(iris.y).map((c) => iris.classNames[c]));
  });
});
