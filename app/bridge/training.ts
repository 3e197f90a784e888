/**
 * The page's actions on the training worker, as plain module functions (callable from components,
 * keyboard shortcuts and tests alike): start, play/pause, step, reset, and changing the experiment.
 * Metric batches land in the store's history; a small loop refreshes the pictures (decision
 * boundary, network) a few times a second without ever overlapping two calls to the worker.
 */
import { validateConfig, type ExperimentConfig } from '../../engine/train/config';
import { TrainingClient } from '../../workers/client';
import type { MetricsBatch, UpdateResult } from '../../workers/session';
import { mergeSections, patchOf, type Patch } from './merge';
import { RunHistory } from '../store/series';
import { archiveRun, leaves, MAX_NAME, MAX_RUNS, type CurrentRun, type LiveChange, type PastRun } from '../store/runs';
import { sweepConfigs, type Sweep } from '../store/sweep';
import type { LinkRun } from '../url/runLink';
import * as sweeps from './sweep';
import { loadRuns, saveRuns } from '../store/runsStorage';
import { useStore } from '../store';
import { experimentById, experimentConfig } from '../experiments/presets';
import { batchesPerEpoch, stepsPerSecond } from './pace';
import { downloadText } from '../codeView/browser';
import { MAX_CHECKPOINT_BYTES } from '../../engine/train/checkpointLimits';
import { tooLarge } from '../../engine/data/sets/userTable';
import { setUserData } from '../../engine/train/config';
import type { TableRead, TableUse } from '../../workers/session';
import { datasetSwitchPatch } from '../datasets/switchPatch';
import { ownTable, setOwnTable, type OwnTable } from './ownTable';
import { loadTable, saveTable } from '../store/tableStorage';

/** How often the history's version (and so the charts) may change: up to 20 Hz, the metric stream's own rate. */
const HISTORY_REFRESH_MS = 50;
/** How often the pictures may refresh while training. */
const PICTURE_REFRESH_MS = 250;
export const GRID_RESOLUTION = 72;
export const NEURON_GRID_RESOLUTION = 24;


let client: TrainingClient | null = null;
let historyTimer: ReturnType<typeof setTimeout> | null = null;
let pictureLoop: Promise<void> | null = null;
let picturesWanted = false;
let lastRun = -1;
/** runs started on this page: the runs table numbers them */
let runCount = 0;
/** live changes of a link still to come in this run: the worker makes them, the page's settings follow */
let replaying: LiveChange[] = [];

function state() {
  return useStore.getState();
}

/** Batches per epoch of the current data and batch size (0 before the data has loaded). */
export function stepsPerEpoch(): number {
  const { config, points } = state();
  return batchesPerEpoch(points?.train.n ?? 0, config.training);
}

function onMetrics(batch: MetricsBatch): void {
  const s = state();
  let history = s.history;
  if (batch.reset || batch.run !== lastRun) {
    // the run that ends here is kept, to compare with the ones after it
    const pastRuns = withCurrentRun();
    lastRun = batch.run;
    const currentRun = { id: ++runCount, config: s.config, changes: [] };
    // a new run (reset, restart) drops the changes a link was replaying, as the worker does
    replaying = [];
    history = new RunHistory();
    s.setRunState({ history, historyVersion: s.historyVersion + 1, run: batch.run, latestStep: null, latestEvaluation: null, pastRuns, currentRun });
    void refreshData();
  }
  const perEpoch = stepsPerEpoch();
  for (const record of batch.steps) history.steps.push(record, perEpoch);
  for (const record of batch.evaluations) history.evaluations.push(record);
  history.version++;
  const patch: Parameters<typeof s.setRunState>[0] = {};
  if (batch.steps.length > 0) patch.latestStep = batch.steps[batch.steps.length - 1];
  if (batch.evaluations.length > 0) patch.latestEvaluation = batch.evaluations[batch.evaluations.length - 1];
  if (replaying.length > 0 && batch.steps.length > 0) followReplay(batch.steps[batch.steps.length - 1].step);
  if (batch.status) {
    patch.status = batch.status;
    if (batch.status.state === 'error' && batch.status.message) patch.notice = { kind: 'error', text: batch.status.message };
  }
  if (Object.keys(patch).length > 0) s.setRunState(patch);
  scheduleHistoryRefresh();
  if (batch.steps.length > 0 || batch.reset) requestPictures();
}

/**
 * Resolves once the page has taken the first metrics of a run after `run` (at most `timeoutMs`).
 * The worker answers a call and sends metrics on two different channels, whose messages need not
 * arrive in order: after init() or reset(), the new run's first batch may come after the answer.
 */
function newRunAfter(run: number, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (lastRun !== run) return resolve();
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = useStore.subscribe(() => {
      if (lastRun !== run) done();
    });
  });
}

function scheduleHistoryRefresh(): void {
  if (historyTimer !== null) return;
  historyTimer = setTimeout(() => {
    historyTimer = null;
    const s = state();
    s.setRunState({ historyVersion: s.historyVersion + 1 });
  }, HISTORY_REFRESH_MS);
}

function getClient(): TrainingClient {
  if (client === null) {
    client = new TrainingClient({
      onMetrics,
      onRestart: (message) => state().setRunState({ notice: { kind: 'worker', text: message } }),
    });
  }
  return client;
}

/**
 * Starts the worker on the current experiment (called once when the page opens); the link's live
 * changes are replayed at their steps, and its comparison started.
 */
export async function startTraining(link: LinkRun = { changes: [], sweep: null }): Promise<void> {
  const restored = restoreRuns();
  void restoreTable();
  const c = getClient();
  const before = lastRun;
  const result = await c.init(state().config);
  reportErrors(result);
  void c.api.backend().then((engineBackend) => state().setRunState({ engineBackend }));
  if (link.changes.length > 0) await newRunAfter(before);
  await replay(link.changes);
  await applySpeed();
  await refreshData();
  if (link.sweep !== null) {
    // the runs kept on an earlier visit come first, the comparison's after them
    await restored;
    await compareValues(link.sweep);
  }
}

/** Opens a link pasted or edited in this tab: its experiment as a fresh run, then what it asks of the run. */
export async function openLink(config: ExperimentConfig, link: LinkRun): Promise<void> {
  const before = lastRun;
  const result = await changeConfig(config);
  if (link.changes.length === 0 && link.sweep === null) return;
  if (result.applied !== 'restart') {
    const now = lastRun;
    await getClient().api.reset();
    await newRunAfter(now);
  } else await newRunAfter(before);
  await replay(link.changes);
  if (link.sweep !== null) await compareValues(link.sweep);
}

/** Has the worker make `changes` at their steps of the run just started; the run's label says so from the start. */
async function replay(changes: readonly LiveChange[]): Promise<void> {
  if (changes.length === 0) return;
  await getClient().api.schedule(changes.map((c) => ({ step: c.step, patch: patchOf(c.path, c.value) })));
  replaying = [...changes];
  const s = state();
  if (s.currentRun !== null) s.setRunState({ currentRun: { ...s.currentRun, changes: [...changes] } });
  followReplay(s.status?.step ?? 0);
}

/** The page's settings take the replayed changes whose step the run has reached (the worker made them there). */
function followReplay(step: number): void {
  let config = state().config;
  while (replaying.length > 0 && replaying[0].step <= step) {
    const change = replaying.shift()!;
    const checked = validateConfig(mergeSections(config, patchOf(change.path, change.value)));
    if (checked.ok) config = checked.config;
  }
  if (config !== state().config) state().setConfigState(config);
}

/**
 * Compares values of one setting side by side (bridge/sweep.ts). The run under way pauses; if it
 * took steps it is kept, and the charts start clean for the comparison's runs.
 */
export async function compareValues(sweep: Sweep): Promise<void> {
  const s = state();
  const checked = sweepConfigs(s.config, sweep);
  if (checked.errors.length > 0) {
    s.setRunState({ notice: { kind: 'invalid', text: '', errors: checked.errors } });
    return;
  }
  await getClient().api.pause();
  if (state().history.steps.length > 0) {
    // the run is kept (onMetrics archives it) before the comparison's runs are numbered
    const before = lastRun;
    await getClient().api.reset();
    await newRunAfter(before);
  }
  await sweeps.runSweep(sweep, checked.configs, () => ++runCount);
}

/** How long the kept runs wait after a change before they are written (runs change in bursts). */
const SAVE_DELAY_MS = 1000;
/** How often the run under way is written while it grows (what a reload would otherwise lose). */
const CURRENT_SAVE_MS = 5000;
let lastCurrentSave = 0;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let unsubscribeSaving: (() => void) | null = null;

/**
 * Reads the runs kept on an earlier visit (see store/runsStorage.ts) and puts them before any kept
 * since the page opened; from then on the kept runs are written a moment after each change.
 * Numbers stay unique: runs of this visit count on from the highest stored one.
 */
async function restoreRuns(): Promise<void> {
  let stored: PastRun[] = [];
  try {
    const { runs, unreadable } = await loadRuns();
    stored = runs;
    if (unreadable > 0) state().setRunState({ notice: { kind: 'runsUnreadable', text: String(unreadable) } });
  } catch {
    // no IndexedDB here (a private window, a file:// page): the runs last as long as the page
    return;
  }
  const s = state();
  let highest = stored.reduce((max, r) => Math.max(max, r.id), 0);
  const renumber = <T extends { id: number }>(run: T): T => (run.id <= highest ? { ...run, id: ++highest } : run);
  const fresh = s.pastRuns.map(renumber);
  const currentRun = s.currentRun === null ? null : renumber(s.currentRun);
  runCount = Math.max(runCount, highest);
  const pastRuns = [...stored, ...fresh].slice(-MAX_RUNS);
  s.setRunState({ pastRuns, currentRun });
  unsubscribeSaving?.();
  const unsubscribe = useStore.subscribe((now, before) => {
    const grown = now.historyVersion !== before.historyVersion && performance.now() - lastCurrentSave > CURRENT_SAVE_MS;
    if (now.pastRuns !== before.pastRuns || now.status?.state !== before.status?.state || grown) scheduleSave();
  });
  // leaving the page (reload, close, another tab on a phone): the run under way is kept too
  const save = () => void saveRuns(withCurrentRun()).catch(() => {});
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') save();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', save);
  unsubscribeSaving = () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', save);
  };
}

/** The kept runs and, after them, the run under way if it took a step: what a reload should find. */
function withCurrentRun(): PastRun[] {
  const s = state();
  if (s.currentRun === null) return s.pastRuns;
  return archiveRun(s.pastRuns, { ...s.currentRun, history: s.history, status: s.status }).runs;
}

function scheduleSave(): void {
  if (saveTimer !== null) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    lastCurrentSave = performance.now();
    saveRuns(withCurrentRun()).catch((error: unknown) => {
      const full = error instanceof DOMException && error.name === 'QuotaExceededError';
      if (full) state().setRunState({ notice: { kind: 'runsNotSaved', text: '' } });
    });
  }, SAVE_DELAY_MS);
}

async function refreshData(): Promise<void> {
  const points = await getClient().api.points();
  state().setRunState({ points });
  requestPictures();
  // the batches per epoch, and so the pace, are known once the data is
  await applySpeed();
}

/** Asks for fresh pictures; the loop coalesces requests and runs at most every PICTURE_REFRESH_MS. */
export function requestPictures(): void {
  picturesWanted = true;
  if (pictureLoop === null) pictureLoop = runPictureLoop().finally(() => (pictureLoop = null));
}

async function runPictureLoop(): Promise<void> {
  while (picturesWanted) {
    picturesWanted = false;
    const started = performance.now();
    const api = getClient().api;
    const { run } = state();
    const [grid, network] = await Promise.all([api.predictGrid(GRID_RESOLUTION), api.snapshot(NEURON_GRID_RESOLUTION)]);
    const features = state().points?.features ?? 0;
    const resolution = features === 1 || features === 2 ? GRID_RESOLUTION : 0;
    const points = features === 2 ? resolution * resolution : resolution;
    state().setRunState({
      picture: grid ? { grid, resolution, channels: points > 0 ? grid.length / points : 0, run } : null,
      network,
    });
    const wait = PICTURE_REFRESH_MS - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** The model's outputs on the validation split now (class probabilities or values); see session.predictValidation. */
export async function predictValidation(): Promise<Float32Array | null> {
  return getClient().api.predictValidation();
}

/**
 * The guided experiment's own pace while its run is the lesson's, unchanged; once the learner
 * changes a setting ("Then try …") the run is paced by its length like any other.
 */
function lessonPace(): number | null {
  const { lesson, config } = state();
  if (lesson === null) return null;
  const pace = experimentById(lesson).pace;
  return pace !== undefined && JSON.stringify(config) === JSON.stringify(experimentConfig(lesson)) ? pace : null;
}

/** Steps a second now: the speed chosen, for this run's length (see pace.ts). */
export function currentStepsPerSecond(): number | null {
  const s = state();
  return stepsPerSecond(s.speed, s.config.training.epochs * stepsPerEpoch(), lessonPace());
}

/** Tells the worker the pace (again): after the speed, the run's length or the lesson changed. */
export async function applySpeed(): Promise<void> {
  await getClient().api.setSpeed(currentStepsPerSecond());
}

/** Whether training is going on: the run's, or while a comparison runs, the comparison's. */
export function isPlaying(): boolean {
  const s = state();
  return sweeps.sweepActive() ? s.sweep?.state === 'running' : (s.status?.playing ?? false);
}

export async function play(): Promise<void> {
  if (sweeps.sweepActive()) return sweeps.playSweep();
  await applySpeed();
  await getClient().api.play();
}

export async function pause(): Promise<void> {
  if (sweeps.sweepActive()) return sweeps.pauseSweep();
  await getClient().api.pause();
}

export async function togglePlay(): Promise<void> {
  if (isPlaying()) await pause();
  else await play();
}

export async function step(count: number | 'epoch' = 1): Promise<void> {
  await getClient().api.step(count);
  requestPictures();
}

export async function reset(): Promise<void> {
  // Reset during a comparison ends it (its runs stay as far as they got) and starts this run again
  sweeps.stopSweep();
  const wasPlaying = state().status?.playing ?? false;
  await getClient().api.reset();
  state().setRunState({ notice: null });
  if (wasPlaying) await play();
}

export async function setSpeed(speed: ReturnType<typeof state>['speed']): Promise<void> {
  state().setPrefs({ speed });
  await applySpeed();
  await sweeps.setSweepSpeed();
}

/**
 * Changes the experiment. The new experiment is checked first: a bad value is refused with its
 * message and nothing else changes. Live settings apply to the running model; structural ones
 * restart the run, and the page says so.
 */
export async function changeConfig(patch: Patch): Promise<UpdateResult> {
  const s = state();
  const merged = mergeSections(s.config, patch);
  const checked = validateConfig(merged);
  if (!checked.ok) {
    s.setRunState({ notice: { kind: 'invalid', text: '', errors: checked.errors } });
    return { applied: 'none', changed: [], errors: checked.errors };
  }
  s.setConfigState(checked.config);
  // A run that has ended (finished, stopped early) goes on with the new settings as if it had been
  // playing: after "Then try …", the learner wants to see the variant, not press Play again.
  const ended = s.status?.state === 'finished' || s.status?.state === 'earlyStopped';
  const wasPlaying = (s.status?.playing ?? false) || ended;
  const result = await getClient().update(patch, checked.config);
  reportErrors(result);
  if (result.applied === 'restart') {
    state().setRunState({ notice: { kind: 'restart', text: result.changed.join(', ') } });
    await applySpeed();
    if (wasPlaying) await getClient().api.play();
  } else if (result.applied === 'live' && ended) {
    // A live setting on a run that has ended would change nothing on screen: more epochs carry the
    // run on; anything else runs the experiment again with the new value.
    const moreEpochs = result.changed.every((path) => path === 'training.epochs');
    if (!moreEpochs) await getClient().api.reset();
    await applySpeed();
    await getClient().api.play();
  } else if (result.applied === 'live') {
    // more epochs, another batch size: the run's length, and so its pace, changed
    await applySpeed();
    recordLiveChanges(result.changed, checked.config, result.step ?? state().status?.step ?? 0);
  }
  return result;
}

/** Notes the settings a run changed to while it went on, after the `step` steps it had taken when they came in. */
function recordLiveChanges(paths: readonly string[], config: ExperimentConfig, step: number): void {
  const s = state();
  const run = s.currentRun;
  if (run === null || paths.length === 0) return;
  const values = leaves(config);
  // before the first step the run simply starts with the new value
  const currentRun: CurrentRun =
    step === 0 ? { ...run, config } : { ...run, changes: [...run.changes, ...paths.map((path) => ({ step, path, value: values.get(path) }))] };
  s.setRunState({ currentRun });
}

/** Shows or hides an earlier run's curves over the current run's. */
export function setRunVisible(id: number, visible: boolean): void {
  const s = state();
  s.setRunState({ pastRuns: s.pastRuns.map((r) => (r.id === id ? { ...r, visible } : r)) });
}

/** Names an earlier run (an empty name gives it back its label). */
export function renameRun(id: number, name: string): void {
  const s = state();
  const trimmed = name.trim().slice(0, MAX_NAME);
  s.setRunState({
    pastRuns: s.pastRuns.map((r) => {
      if (r.id !== id) return r;
      const { name: _old, ...rest } = r;
      return trimmed === '' ? rest : { ...rest, name: trimmed };
    }),
  });
}

/** Forgets an earlier run (or all of them). */
export function deleteRun(id: number | 'all'): void {
  sweeps.forgetSweepRun(id);
  const s = state();
  s.setRunState({ pastRuns: id === 'all' ? [] : s.pastRuns.filter((r) => r.id !== id) });
}

function reportErrors(result: UpdateResult): void {
  if (result.errors.length > 0) {
    state().setRunState({ notice: { kind: 'invalid', text: '', errors: result.errors } });
  }
}

export function dismissNotice(): void {
  state().setRunState({ notice: null });
}

/** For tests and page teardown. */
export function disposeTraining(): void {
  sweeps.clearSweep();
  unsubscribeSaving?.();
  unsubscribeSaving = null;
  client?.dispose();
  client = null;
}

/** The rate the finder suggests, as the page offers it: two significant digits (0.014, not 0.01389…). */
export function roundedRate(lr: number): number {
  return Number(lr.toPrecision(2));
}

/**
 * Runs the learning-rate range test (engine/train/lrFinder.ts) in the worker on a copy of the model
 * as it stands now; the run, its weights and optimizer go on untouched (a playing run waits the
 * 0.05–0.25 s it takes). The result lands in the store's `lrFinder`.
 */
export async function findLr(): Promise<void> {
  const s = state();
  if (s.lrFinder?.state === 'running') return;
  const started = { run: s.run, step: s.status?.step ?? 0, lr: s.config.optimizer.lr, result: null };
  s.setRunState({ lrFinder: { ...started, state: 'running' } });
  try {
    const result = await getClient().api.findLr();
    state().setRunState({ lrFinder: result === null ? { ...started, state: 'failed', error: '' } : { ...started, state: 'done', result } });
  } catch (error) {
    state().setRunState({ lrFinder: { ...started, state: 'failed', error: error instanceof Error ? error.message : String(error) } });
  }
}

/** Sets the learning rate to the finder's suggestion (a live change: the run goes on with it). */
export async function applyFoundLr(): Promise<UpdateResult | null> {
  const suggestion = state().lrFinder?.result?.suggestion ?? null;
  if (suggestion === null) return null;
  return changeConfig({ optimizer: { lr: roundedRate(suggestion) } });
}

/** The file name a checkpoint is offered as: `training-playground-spiral-step460.json`. */
export function checkpointName(dataset: string, step: number): string {
  return `training-playground-${dataset}-step${step}.json`;
}

/**
 * Downloads the run as it stands as a checkpoint file (engine/train/checkpoint.ts): the worker
 * writes the JSON, the page only hands it to the browser.
 */
export async function saveCheckpoint(): Promise<boolean> {
  const saved = await getClient().api.saveCheckpoint();
  if (saved === null) return false;
  const s = state();
  if (!saved.ok) {
    s.setRunState({ notice: { kind: 'checkpointNotSaved', text: saved.notFinite } });
    return false;
  }
  downloadText(checkpointName(s.config.data.dataset, s.status?.step ?? 0), saved.text, 'application/json');
  return true;
}

/**
 * Continues from a checkpoint file: read here (refused unread past 50 MB), parsed, checked and
 * loaded in the worker; the page's settings become the file's. A file that does not fit leaves the
 * run as it was and the notice says why. The run waits paused at the saved step.
 */
export async function loadCheckpointFile(file: Blob): Promise<boolean> {
  const refuse = (text: string) => {
    state().setRunState({ notice: { kind: 'checkpointRefused', text } });
    return false;
  };
  if (file.size > MAX_CHECKPOINT_BYTES) return refuse(`The file is ${(file.size / 1024 / 1024).toFixed(0)} MB; a checkpoint is at most ${MAX_CHECKPOINT_BYTES / 1024 / 1024} MB.`);
  sweeps.stopSweep();
  const text = await file.text();
  const loaded = await getClient().api.loadCheckpoint(text);
  if (!loaded.ok) return refuse(loaded.error);
  const s = state();
  s.setConfigState(loaded.config);
  s.setRunState({ notice: { kind: 'checkpointLoaded', text: String(loaded.step) } });
  await applySpeed();
  return true;
}

/** Gives the worker the table and, once it is usable, registers it in the page too. */
async function registerTable(table: OwnTable): Promise<TableUse> {
  const used = await getClient().useTable(...table);
  if (!used.ok) return used;
  setUserData(used.info);
  setOwnTable(table);
  state().setRunState({ ownTable: { info: used.info, classCounts: used.classCounts } });
  return used;
}

/**
 * The table of one's own from the last visit, registered again (not trained on: the Data panel
 * offers "Train on … again"); a stored table this page cannot use is left alone.
 */
async function restoreTable(): Promise<void> {
  try {
    const table = await loadTable();
    if (table === null || ownTable() !== null) return;
    const used = await registerTable(table);
    // a reload of a page that trained on it: its link names `custom`, which was refused while the
    // table was not back yet; now it is, so go on with it as the link asked
    const s = state();
    const asked = s.ignoredFields.find((e) => e.path === 'data.dataset' && e.got?.includes('custom'));
    if (used.ok && asked && s.config.data.dataset !== 'custom') {
      s.setIgnoredFields(s.ignoredFields.filter((e) => e !== asked));
      await trainOnOwnTable();
    }
  } catch {
    // no IndexedDB here: the table lasts as long as the page
  }
}

/** Reads a CSV file or pasted text in the worker (refused unread past 50 MB): its columns and a task per column. */
export async function readTable(file: Blob): Promise<TableRead> {
  const large = tooLarge(file.size);
  if (large !== null) return { ok: false, error: large };
  return getClient().api.readTable(await file.text());
}

/**
 * Trains on a person's table: the worker checks it with its target and task and registers it,
 * then the page does (so its settings, model and code see the same data set) and switches to it —
 * a restart, as any other data set. A table that cannot be used leaves the data set as it was.
 */
export async function useOwnTable(file: Blob, fileName: string, target: number, task: 'classification' | 'regression'): Promise<TableUse> {
  const text = await file.text();
  const used = await registerTable([text, fileName, target, task]);
  if (!used.ok) return used;
  // kept in this browser for the next visit (where there is no IndexedDB, for this page only)
  saveTable([text, fileName, target, task]).catch(() => undefined);
  const s = state();
  if (s.config.data.dataset === 'custom') {
    // the same data set name, other data: a fresh copy of the settings makes the page read it again
    s.setConfigState(structuredClone(s.config));
    await reset();
  } else {
    await trainOnOwnTable();
  }
  return used;
}

/** Switches to the table of one's own registered on this page (a restart, as for any data set). */
export async function trainOnOwnTable(): Promise<UpdateResult> {
  return changeConfig(datasetSwitchPatch(state().config, 'custom'));
}
