/** Class names as the page shows them, in the page's language. */
import type { Messages } from '../i18n';

/**
 * `raw` is the name in the data (`points.classNames`): digits keep theirs ("7"); numbered classes
 * ("0", "class_2") read "Class 0" / "类别 0"; known real-set names are translated; others stay.
 */
export function displayClassName(m: Messages['output'], raw: string, index: number, imageSet: boolean): string {
  if (imageSet) return raw;
  const numbered = /^(?:class_)?(\d+)$/.exec(raw);
  if (numbered) return m.className(Number(numbered[1]));
  if (raw === '') return m.className(index);
  return Object.prototype.hasOwnProperty.call(m.classNames, raw) ? m.classNames[raw] : raw;
}

export function displayClassNames(m: Messages['output'], raw: readonly string[], classes: number, imageSet: boolean): string[] {
  return Array.from({ length: classes }, (_, c) => displayClassName(m, raw[c] ?? '', c, imageSet));
}
