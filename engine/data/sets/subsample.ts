/**
 * Making a real data set more imbalanced, for the class-imbalance lesson: breast cancer has 357
 * benign and 212 malignant rows (about 1.7 : 1); at ratio 20 it keeps all 357 benign rows and 18
 * malignant ones, so a model that always answers "benign" scores 95% accuracy.
 */
import type { Generator } from '../../random';
import { checkImbalanceRatio } from './settings';
import { rowsByClass, selectRows, type ClassificationData } from './types';

/**
 * Drops rows at random until the classes stand in ratio r, with the same meaning as the
 * generators' imbalance: rank the classes by size (largest first, ties by index); the class of
 * rank k keeps a share proportional to r^(-k/(K-1)), so the largest has r times the smallest.
 * Keeps as many rows as possible: the largest class keeps M = min over k of count_k / share_k rows
 * (all of them unless a smaller class runs out), class k keeps round(M · share_k), at least 1.
 * Kept rows stay in their original order. Classes with no rows are left out of the ranking.
 */
export function subsampleToRatio(
  data: ClassificationData,
  ratio: number,
  generator: Generator,
): ClassificationData {
  checkImbalanceRatio(ratio);
  const byClass = rowsByClass(data.y, data.classes);
  const present = byClass
    .map((rows, label) => ({ rows, label }))
    .filter(({ rows }) => rows.length > 0)
    .sort((a, b) => b.rows.length - a.rows.length || a.label - b.label);
  if (present.length < 2) {
    throw new Error(`Subsampling to a class ratio needs at least 2 classes with rows; got ${present.length}`);
  }
  const share = (rank: number) => Math.pow(ratio, -rank / (present.length - 1));
  const majority = Math.min(...present.map(({ rows }, rank) => rows.length / share(rank)));
  const kept: number[] = [];
  present.forEach(({ rows }, rank) => {
    const keep = Math.min(rows.length, Math.max(1, Math.round(majority * share(rank))));
    const order = generator.randperm(rows.length);
    for (let k = 0; k < keep; k++) kept.push(rows[order[k]]);
  });
  kept.sort((a, b) => a - b);
  return selectRows(data, kept);
}
