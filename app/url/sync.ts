/**
 * Keeps the URL hash and the experiment in step: on load the hash becomes the experiment (with a
 * notice for what could not be used); afterwards every change is written back, debounced, with
 * history.replaceState (no history entry per slider move).
 */
import { useStore, type State } from '../store';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import { decodeHash, encodeHash, type DecodedHash } from './hash';
import type { EmbedView } from './embed';
import type { LinkRun } from './runLink';
import type { Sweep } from '../store/sweep';
import { experimentConfig } from '../experiments/presets';

/**
 * A link that names a guided experiment and nothing else (`#lesson=overfitting`, easy to write by
 * hand for a class) opens that experiment's settings; with settings, the settings win.
 */
function readLink(hash: string): DecodedHash {
  const decoded = decodeHash(hash);
  if (decoded.lesson !== null && encodeHash(decoded.config) === encodeHash(defaultConfig())) {
    return { ...decoded, config: experimentConfig(decoded.lesson) };
  }
  return decoded;
}

const WRITE_DELAY_MS = 300;

/**
 * The link to what the page shows. A run that changed live settings as it went is written as the
 * experiment it started with plus those changes at their steps (so the link replays the curve, not
 * only the final settings); otherwise the experiment as it stands. `withSweep` adds the comparison
 * last run (Share and Embed do; the address bar does not, or a reload would run it again beside
 * the kept runs it made).
 */
export function linkHash(s: Pick<State, 'config' | 'lesson' | 'embed' | 'currentRun' | 'sweep'>, withSweep: boolean, embed: EmbedView | null = s.embed): string {
  const changes = s.currentRun?.changes ?? [];
  const sweep: Sweep | null = withSweep && s.sweep !== null ? { path: s.sweep.path, values: s.sweep.values } : null;
  const config = changes.length > 0 && s.currentRun ? s.currentRun.config : s.config;
  return encodeHash(config, s.lesson, embed, { changes, sweep });
}

/** Reads the experiment from the current hash into the store; returns whether the hash had settings, and what to run. */
export function loadExperimentFromHash(): { hadSettings: boolean; run: LinkRun } {
  const decoded = readLink(window.location.hash);
  const s = useStore.getState();
  s.setConfigState(decoded.config);
  s.setIgnoredFields(decoded.ignored);
  s.setLesson(decoded.lesson);
  s.setEmbed(decoded.embed);
  if (decoded.sweep !== null) {
    // the comparison runs once: a reload finds its runs kept, and should not run it again
    const hash = encodeHash(decoded.config, decoded.lesson, decoded.embed, { changes: decoded.changes });
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}#${hash}`);
  }
  return { hadSettings: !decoded.empty, run: { changes: decoded.changes, sweep: decoded.sweep } };
}

/**
 * Starts writing the experiment into the hash; a hash edited by hand (or a link pasted into this
 * tab) goes to `onLinkChanged`. Returns the function that stops it.
 */
export function syncHashWithExperiment(onLinkChanged: (config: ExperimentConfig, run: LinkRun) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const current = () => linkHash(useStore.getState(), false);
  // the link as it came (a comparison in it was read once, and is dropped at the first write)
  let written = window.location.hash.slice(1);
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.config === previous.config && state.lesson === previous.lesson && state.currentRun === previous.currentRun) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const hash = current();
      if (hash === written) return;
      written = hash;
      history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}#${hash}`);
    }, WRITE_DELAY_MS);
  });
  // A hand-edited hash (or a pasted link in the same tab) is read again.
  const onHashChange = () => {
    if (window.location.hash.slice(1) === written) return;
    const decoded = readLink(window.location.hash);
    written = encodeHash(decoded.config, decoded.lesson, decoded.embed);
    useStore.getState().setIgnoredFields(decoded.ignored);
    useStore.getState().setLesson(decoded.lesson);
    useStore.getState().setEmbed(decoded.embed);
    onLinkChanged(decoded.config, { changes: decoded.changes, sweep: decoded.sweep });
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
