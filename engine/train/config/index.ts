/**
 * The experiment: one versioned, JSON-serialisable object that is the whole experiment, and one
 * table that says, for every setting, what it accepts, its default, and whether a change is live
 * or restarts the run.
 *
 *   const { config, ignored } = parseConfig(JSON.parse(hash))   // untrusted: never throws
 *   const check = validateConfig(config)                        // strict: every problem, by path
 *   const { live, structural } = diffConfig(running, edited)    // apply in place, or restart
 */
export * from './types';
export { DATASETS, datasetInfo, taskOf, isClassification, numClasses, numOutputs, numFeatures, datasetSize } from './datasets';
export type { Task, DatasetInfo } from './datasets';
export { defaultConfig, defaultOptimizer, defaultScheduler } from './defaults';
export { validateConfig, parseConfig, parseConfigText, MAX_CONFIG_TEXT } from './validate';
export type { ValidationResult, ParseResult } from './validate';
export type { ConfigError, ConfigErrorCode } from './errors';
export { diffConfig } from './diff';
export type { ConfigDiff } from './diff';
export { SCHEMA, FIELD_ENTRIES, fieldsOf, fieldAt, changeOf } from './table';
export type { FieldEntry } from './table';
export type { Field, AnyField, Change } from './field';
export { describeSpec, describeNumber, formatValue } from './spec';
export type { Spec, NumberSpec, BooleanSpec, ChoiceSpec, ListSpec, ClassWeightsSpec } from './spec';
export { OLDEST_VERSION } from './migrate';
export { setUserData, userData, userDataInfo, USER_DATA_FILE, type UserDataInfo } from './userData';
