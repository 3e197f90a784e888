/**
 * The page's state: the experiment (the one source of truth, mirrored into the URL hash), the run
 * (status, latest numbers and pictures; the full metric history lives in `history`, outside React
 * state), and the user's preferences (the only part remembered across visits).
 *
 * Slices are typed with StateCreator and spread into one store; actions that talk to the worker
 * live in app/bridge and are plain module functions.
 */
import { create, type StateCreator } from 'zustand';
import type { ExperimentId } from '../experiments/presets';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { defaultConfig, type ConfigError, type ExperimentConfig } from '../../engine/train/config';
import type { DataPoints, NetworkSnapshot, SessionStatus } from '../../workers/session';
import { detectLanguage, LANGUAGES, type Language } from '../i18n';
import { RunHistory, type EvaluationRecord, type StepRecord } from './series';
import type { CurrentRun, PastRun } from './runs';
import type { SweepPath, SweepValue } from './sweep';
import type { LrFinderResult } from '../../engine/train/lrFinder';
import type { Backend } from '../../engine/wasm/kernels';
import type { UserDataInfo } from '../../engine/train/config';
import { SPEEDS, type Speed } from '../bridge/pace';
import type { EmbedView } from '../url/embed';

export interface ExperimentSlice {
  config: ExperimentConfig;
  /** settings from the link that could not be used, with why (shown once, dismissible) */
  ignoredFields: ConfigError[];
  setConfigState: (config: ExperimentConfig) => void;
  setIgnoredFields: (fields: ConfigError[]) => void;
}

/** Model outputs over the input plane (2-D sets: resolution² rows; 1-D regression: resolution). */
export interface PlanePicture {
  grid: Float32Array;
  resolution: number;
  /** classes per grid point; 1 for regression values */
  channels: number;
  run: number;
}

export type NoticeKind = 'restart' | 'error' | 'worker' | 'invalid' | 'runsUnreadable' | 'runsNotSaved' | 'csvThinned' | 'checkpointLoaded' | 'checkpointRefused' | 'checkpointNotSaved';

export interface Notice {
  kind: NoticeKind;
  /** for 'restart': the settings that caused it; for 'error': the worker's message; for 'runsUnreadable': how many; for 'csvThinned': every how many steps the file holds; for 'checkpointLoaded': its step; for 'checkpointRefused': why; for 'checkpointNotSaved': the tensor that is not finite */
  text: string;
  /** for 'invalid': the refused values (shown in the page's language) */
  errors?: ConfigError[];
}

/** A comparison of values under way or just run (see bridge/sweep.ts): its runs are kept runs. */
export interface SweepStatus {
  path: SweepPath;
  values: SweepValue[];
  /** the kept runs it made, one per value, in the values' order */
  runIds: number[];
  /** 'done': every run ended, or the sweep was stopped */
  state: 'running' | 'paused' | 'done';
}

/** The learning-rate finder's last test (see engine/train/lrFinder.ts, bridge/training.ts findLr). */
export interface LrFinderStatus {
  state: 'running' | 'done' | 'failed';
  /** the run (RunSlice.run) and its step whose model the test copied */
  run: number;
  step: number;
  /** the learning rate in force then */
  lr: number;
  result: LrFinderResult | null;
  /** for 'failed': the worker's message */
  error?: string;
}

export interface RunSlice {
  status: SessionStatus | null;
  /** counts runs (reset/restart); pictures and series belong to one run */
  run: number;
  history: RunHistory;
  /** bumped (at most ~10×/s) when `history` grew */
  historyVersion: number;
  latestStep: StepRecord | null;
  latestEvaluation: EvaluationRecord | null;
  picture: PlanePicture | null;
  points: DataPoints | null;
  network: NetworkSnapshot | null;
  notice: Notice | null;
  /** earlier runs, oldest first, kept to compare with this one (see runs.ts) */
  pastRuns: PastRun[];
  /** the run under way, as the runs table names it (null before the first metrics) */
  currentRun: CurrentRun | null;
  /** the comparison of values under way or last run (null: none) */
  sweep: SweepStatus | null;
  /** bumped (at most ~10×/s) when a sweep's runs grew: their histories are mutable, as `history` is */
  sweepVersion: number;
  /** the learning-rate finder's last test (null: none yet) */
  lrFinder: LrFinderStatus | null;
  /** the table of one's own loaded on this page (the `custom` data set), with its class counts */
  ownTable: { info: UserDataInfo; classCounts: number[] } | null;
  /** which backend runs the engine's kernels in the run's worker (null until it has said) */
  engineBackend: Backend | null;
  setRunState: (patch: Partial<Omit<RunSlice, 'setRunState'>>) => void;
}

export type { Speed };

export interface PrefsSlice {
  language: Language;
  logScale: boolean;
  /** EMA smoothing weight for the curves, 0 (raw) … 0.99 */
  smoothing: number;
  xAxis: 'step' | 'epoch';
  showValidationPoints: boolean;
  showTrainingPoints: boolean;
  speed: Speed;
  /** the first-visit hint ("this network is learning right now…") was dismissed */
  hintDismissed: boolean;
  setPrefs: (patch: Partial<Omit<PrefsSlice, 'setPrefs'>>) => void;
}

/** What the pointer or keyboard focus is on, so the code view can point at the matching lines. */
export interface UiSlice {
  /** the setting path (`optimizer.lr`) of the control being hovered or focused */
  hoveredField: string | null;
  setHoveredField: (field: string | null) => void;
  /** the guided experiment picked from the Experiments menu, while its card is open */
  lesson: ExperimentId | null;
  setLesson: (lesson: ExperimentId | null) => void;
  /** the embedded view the link asks for (null: the whole page) */
  embed: EmbedView | null;
  setEmbed: (embed: EmbedView | null) => void;
  /** the page paused the run itself because it went out of sight (see bridge/visibility.ts) */
  pausedOutOfSight: boolean;
}

export type State = ExperimentSlice & RunSlice & PrefsSlice & UiSlice;

/**
 * Whether the current run is listed and drawn: always, except the run a comparison paused before
 * its first step (the table, the labels and the charts are the comparison's then).
 */
export const currentRunShown = (s: Pick<State, 'sweep' | 'history'>): boolean => s.sweep === null || s.history.steps.length > 0;

const experimentSlice: StateCreator<State, [], [], ExperimentSlice> = (set) => ({
  config: defaultConfig(),
  ignoredFields: [],
  setConfigState: (config) => set({ config }),
  setIgnoredFields: (ignoredFields) => set({ ignoredFields }),
});

const runSlice: StateCreator<State, [], [], RunSlice> = (set) => ({
  status: null,
  run: 0,
  history: new RunHistory(),
  historyVersion: 0,
  latestStep: null,
  latestEvaluation: null,
  picture: null,
  points: null,
  network: null,
  notice: null,
  pastRuns: [],
  currentRun: null,
  sweep: null,
  sweepVersion: 0,
  lrFinder: null,
  ownTable: null,
  engineBackend: null,
  setRunState: (patch) => set(patch),
});

const prefsSlice: StateCreator<State, [], [], PrefsSlice> = (set) => ({
  language: detectLanguage(),
  logScale: false,
  smoothing: 0.6,
  xAxis: 'step',
  showValidationPoints: true,
  showTrainingPoints: true,
  speed: 'normal',
  hintDismissed: false,
  setPrefs: (patch) => set(patch),
});

const uiSlice: StateCreator<State, [], [], UiSlice> = (set) => ({
  hoveredField: null,
  setHoveredField: (hoveredField) => set({ hoveredField }),
  lesson: null,
  setLesson: (lesson) => set({ lesson }),
  embed: null,
  setEmbed: (embed) => set({ embed }),
  pausedOutOfSight: false,
});

const PREFS_KEYS = ['language', 'logScale', 'smoothing', 'xAxis', 'showValidationPoints', 'showTrainingPoints', 'speed', 'hintDismissed'] as const;

export const useStore = create<State>()(
  persist(
    (...a) => ({ ...experimentSlice(...a), ...runSlice(...a), ...prefsSlice(...a), ...uiSlice(...a) }),
    {
      name: 'training-playground:prefs',
      version: 1,
      storage: createJSONStorage(() => writeOnlyChanges(localStorage)),
      // Only preferences are remembered; the experiment lives in the link, metrics in memory.
      partialize: (state) => Object.fromEntries(PREFS_KEYS.map((k) => [k, state[k]])) as Partial<State>,
      merge: (persisted, current) => ({ ...current, ...sanitizePrefs(persisted) }),
      migrate: (persisted) => persisted as Partial<State>,
    },
  ),
);

/**
 * persist writes after every store update — for the run's metrics that is ~20 times a second. The
 * stored part is only the preferences, so skip writes that would store the same text.
 */
function writeOnlyChanges(storage: Storage): StateStorage {
  const last = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      if (last.get(name) === value) return;
      last.set(name, value);
      storage.setItem(name, value);
    },
    removeItem: (name) => {
      last.delete(name);
      storage.removeItem(name);
    },
  };
}

/** Stored preferences are untrusted too: keep only well-formed values. */
function sanitizePrefs(value: unknown): Partial<PrefsSlice> {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const out: Partial<PrefsSlice> = {};
  if (LANGUAGES.includes(v.language as Language)) out.language = v.language as Language;
  if (typeof v.logScale === 'boolean') out.logScale = v.logScale;
  if (typeof v.smoothing === 'number' && v.smoothing >= 0 && v.smoothing <= 0.99) out.smoothing = v.smoothing;
  if (v.xAxis === 'step' || v.xAxis === 'epoch') out.xAxis = v.xAxis;
  if (typeof v.showValidationPoints === 'boolean') out.showValidationPoints = v.showValidationPoints;
  if (typeof v.showTrainingPoints === 'boolean') out.showTrainingPoints = v.showTrainingPoints;
  if (SPEEDS.includes(v.speed as Speed)) out.speed = v.speed as Speed;
  if (typeof v.hintDismissed === 'boolean') out.hintDismissed = v.hintDismissed;
  return out;
}

