/**
 * A person's own table (issue 13.1): what the `custom` data set is while one is loaded. The data
 * themselves stay in the page and its worker (the worker holds the CSV text, the page its summary);
 * the experiment names only `data.dataset: 'custom'`, so a link never carries anyone's data. Each
 * JavaScript realm (the page, each worker) registers the same description when the table is loaded.
 */
import type { Task } from './datasets';
import type { LabeledData } from '../../data/sets/types';
import type { UserTable } from '../../data/sets/userTable';

export interface UserDataInfo {
  /** the file's name as chosen or dropped (`measurements.csv`; `pasted.csv` for pasted text) */
  fileName: string;
  columns: string[];
  /** the target column's index in `columns` */
  target: number;
  task: Task;
  /** number of feature columns (every column but the target) */
  features: number;
  /** classes (classification), 0 for regression */
  classes: number;
  classNames: string[];
  /** data rows */
  size: number;
  /** the separator the file uses, for the exported script */
  separator: ',' | ';' | '\t';
  hasHeader: boolean;
}

let current: UserDataInfo | null = null;

/** Registers (or, with null, forgets) the table the `custom` data set stands for. */
export function setUserData(info: UserDataInfo | null): void {
  current = info === null ? null : structuredClone(info);
}

export function userData(): UserDataInfo | null {
  return current;
}

/** The file name the worker's texts and the exported script use for the table. */
export const USER_DATA_FILE = 'custom.csv';

/** The description of `table` with `data` made of it (tableData), as every realm registers it. */
export function userDataInfo(table: UserTable, data: LabeledData, fileName: string, target: number): UserDataInfo {
  return {
    fileName,
    columns: table.columns.slice(),
    target,
    task: data.task,
    features: data.features,
    classes: data.task === 'classification' ? data.classes : 0,
    classNames: data.task === 'classification' ? data.classNames.slice() : [],
    size: data.n,
    separator: table.separator,
    hasHeader: table.hasHeader,
  };
}
