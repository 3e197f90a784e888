/**
 * The learning-rate curve for the current schedule, computed off the critical path: the engine's
 * schedulers load lazily (they are not needed for the first paint), and long runs are stepped in
 * slices of SLICE_STEPS scheduler steps with a yield between, so no slice blocks the page.
 */
import { useEffect, useState } from 'react';
import type { LrPreview, LrPreviewInput, LrPreviewRun } from './lrPreview';

const SLICE_STEPS = 20_000;

let loading: Promise<typeof import('./lrPreview')> | null = null;
const load = () => (loading ??= import('./lrPreview'));

export interface LrPreviewState {
  /** the latest finished curve (possibly of the previous settings while `pending`) */
  preview: LrPreview | null;
  pending: boolean;
  failed: boolean;
}

/** `enabled`: false until the figure comes near the screen (the engine chunk loads then). */
export function useLrPreview(input: LrPreviewInput, enabled = true): LrPreviewState {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ key: string; preview: LrPreview | null; failed: boolean }>({ key: '', preview: null, failed: false });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = () => !cancelled && setState((s) => ({ key, preview: s.preview, failed: true }));
    load().then((module) => {
      if (cancelled) return;
      let run: LrPreviewRun;
      try {
        run = new module.LrPreviewRun(JSON.parse(key) as LrPreviewInput);
      } catch {
        fail();
        return;
      }
      const slice = () => {
        if (cancelled) return;
        try {
          if (run.advance(SLICE_STEPS)) setState({ key, preview: run.result(), failed: false });
          else timer = setTimeout(slice, 0);
        } catch {
          fail();
        }
      };
      slice();
    }, fail);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, enabled]);
  return { preview: state.preview, pending: state.key !== key, failed: state.failed && state.key === key };
}
