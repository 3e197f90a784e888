/**
 * What every sub-section of the training panel needs: the experiment, which settings apply, the
 * run's length, and `change`, which sends a patch to the worker and remembers a refusal next to
 * the control that caused it (in the page's language, whatever the language is later).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ConfigError, ExperimentConfig } from '../../engine/train/config';
import * as training from '../bridge/training';
import { useMessages } from '../i18n';
import { describeError } from '../panels/Notices';
import { patchFor, type Patch, type RangeContext } from './settings';
import { refusalText } from './text';

export interface TrainingContextValue {
  config: ExperimentConfig;
  /** paths of the settings that act in this experiment */
  shown: Set<string>;
  range: RangeContext;
  /** examples in the training split */
  trainCount: number;
  /** sends `patch`; a refusal is shown next to the control named `key` */
  change: (key: string, patch: Patch) => void;
  /** sets the one value at `path` */
  set: (path: string, value: unknown) => void;
  /** why the last value of `key` was refused, or null */
  refusal: (key: string) => string | null;
}

const TrainingContext = createContext<TrainingContextValue | null>(null);

export function useTraining(): TrainingContextValue {
  const value = useContext(TrainingContext);
  if (!value) throw new Error('useTraining must be used inside <TrainingProvider>.');
  return value;
}

type Base = Omit<TrainingContextValue, 'change' | 'set' | 'refusal'>;

export function TrainingProvider({ value, children }: { value: Base; children: ReactNode }) {
  const m = useMessages();
  const [errors, setErrors] = useState<Readonly<Record<string, ConfigError[]>>>({});
  const change = useCallback((key: string, patch: Patch) => {
    void training.changeConfig(patch).then((result) =>
      setErrors((previous) => {
        if (result.errors.length === 0 && !(key in previous)) return previous;
        const next = { ...previous };
        if (result.errors.length > 0) next[key] = result.errors;
        else delete next[key];
        return next;
      }),
    );
  }, []);
  const { config } = value;
  const set = useCallback((path: string, v: unknown) => change(path, patchFor(config, path, v)), [change, config]);
  const refusal = useCallback(
    (key: string) => {
      const list = errors[key];
      if (!list) return null;
      return list.map((e) => refusalText(m.training, e) ?? describeError(m, e, key)).join(' ');
    },
    [errors, m],
  );
  const context = useMemo(() => ({ ...value, change, set, refusal }), [value, change, set, refusal]);
  return <TrainingContext.Provider value={context}>{children}</TrainingContext.Provider>;
}
