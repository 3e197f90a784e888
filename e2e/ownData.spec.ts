/**
 * Your own data (issue 13.1): a CSV chosen in the Data panel trains like a bundled set, with its
 * class counts shown and the code reading the same file; three bad files are refused with messages
 * that name row and column, and the data set stays as it was.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { open } from './open';

test.describe.configure({ timeout: 90_000 });

/** Iris as a person would save it from a spreadsheet: semicolons, a header, the species as text. */
function flowers(): Buffer {
  const lines = readFileSync('public/datasets/iris.csv', 'utf8').trim().split(/\r?\n/).slice(1);
  const names = ['setosa', 'versicolor', 'virginica'];
  const rows = lines.map((l) => {
    const f = l.split(',');
    return `${f.slice(0, 4).join(';')};${names[Number(f[4])]}`;
  });
  return Buffer.from(['sepal length;sepal width;petal length;petal width;species', ...rows].join('\n'));
}

test('a CSV of one\'s own: pick the target, train, the class counts and the code read the same file', async ({ page }) => {
  await open(page, 'v=1', 'fast');
  const own = page.getByTestId('own-data');
  await own.getByTestId('own-data-file').setInputFiles({ name: 'flowers.csv', mimeType: 'text/csv', buffer: flowers() });
  const columns = own.getByTestId('own-data-columns');
  await expect(columns).toContainText('flowers.csv: 150 rows, 5 columns.');
  // the last column, text: a classification target
  await expect(columns.getByLabel('Target (what to predict)')).toHaveValue('4');
  await expect(columns.getByLabel('Task')).toHaveValue('classification');
  await columns.getByTestId('own-data-train').click();
  const loaded = own.getByTestId('own-data-loaded');
  await expect(loaded).toContainText('flowers.csv: 150 rows, 4 inputs, target "species".');
  await expect(loaded).toContainText('setosa 50');
  await expect(loaded).toContainText('virginica 50');
  expect(await page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('custom');
  // it learns: the iris classes are easy
  await expect.poll(async () => (await page.evaluate(() => window.trainingPlayground!.evaluation()))?.validation.classification?.accuracy ?? 0, { timeout: 60_000 }).toBeGreaterThan(0.85);
  // the code reads the same file, and offers it for download under that name
  await page.locator('header').getByRole('button', { name: /Code$/ }).click();
  const code = page.locator('.slot-code');
  await expect(code).toContainText('CSV_FILE = "flowers.csv"', { timeout: 15_000 });
  const download = page.waitForEvent('download');
  await code.getByRole('link', { name: 'flowers.csv' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('flowers.csv');
  expect(readFileSync((await file.path())!, 'utf8')).toBe(flowers().toString());

  // a reload finds the table again (kept in this browser) and, as the address names it, trains on it
  await page.reload();
  const again = page.getByTestId('own-data-loaded');
  await expect(again).toContainText('flowers.csv: 150 rows, 4 inputs, target "species".');
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('custom');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // another data set, then back with one click
  await page.getByRole('radio', { name: 'Moons' }).click();
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('moons');
  await again.getByRole('button', { name: 'Train on flowers.csv again' }).click();
  await expect.poll(() => page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('custom');
  await expect.poll(async () => (await page.evaluate(() => window.trainingPlayground!.evaluation()))?.validation.classification?.accuracy ?? 0, { timeout: 60_000 }).toBeGreaterThan(0.85);
});

test('three bad tables are refused with the row and column, and the data set stays', async ({ page }) => {
  await open(page, 'v=1', 'fast');
  const own = page.getByTestId('own-data');
  const input = own.getByTestId('own-data-file');
  const error = own.getByTestId('own-data-error');
  const cases: Array<[string, string, RegExp]> = [
    ['ragged.csv', 'a,b,c\n1,2,3\n4,5\n', /Row 3 has 2 values; the header has 3 \(a, b, c\)\./],
    ['cells.csv', 'a,b,c\n1,2,0\n3,abc,1\n', /Row 3, column "b": expected a number; got "abc"\./],
    ['one-class.csv', 'a,b,label\n1,2,yes\n3,4,yes\n', /The column "label" holds one class only \(yes\)/],
  ];
  for (const [name, text, message] of cases) {
    await input.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    // a ragged file is refused as it is read; the others once the target is chosen
    if (name !== 'ragged.csv') await own.getByTestId('own-data-train').click();
    await expect(error).toContainText('This table cannot be used, so the data set stays as it was.');
    await expect(error).toContainText(message);
    expect(await page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('spiral');
  }
  // an empty paste, and a link asking for "custom" on a page without the table, say so too
  await own.getByRole('button', { name: 'Paste a table' }).click();
  await own.getByLabel(/The table, as text/).fill('   ');
  await expect(own.getByRole('button', { name: 'Read it' })).toBeDisabled();
});

test('a link naming the custom data set on a page without the table opens the default with a message', async ({ page }) => {
  await open(page, 'v=1&data.dataset=custom', 'fast');
  await expect(page.getByRole('alert')).toContainText('"custom" is a table of one\'s own, and none is loaded on this page');
  expect(await page.evaluate(() => window.trainingPlayground!.config().data.dataset)).toBe('spiral');
});
