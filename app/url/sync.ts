/**
 * Keeps the URL hash and the experiment in step: on load the hash becomes the experiment (with a
 * notice for what could not be used); afterwards every change is written back, debounced, with
 * history.replaceState (no history entry per slider move).
 */
import { useStore } from '../store';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import { decodeHash, encodeHash, type DecodedHash } from './hash';
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

/** Reads the experiment from the current hash into the store; returns whether the hash had settings. */
export function loadExperimentFromHash(): boolean {
  const decoded = readLink(window.location.hash);
  const s = useStore.getState();
  s.setConfigState(decoded.config);
  s.setIgnoredFields(decoded.ignored);
  s.setLesson(decoded.lesson);
  s.setEmbed(decoded.embed);
  return !decoded.empty;
}

/**
 * Starts writing the experiment into the hash; a hash edited by hand (or a link pasted into this
 * tab) goes to `onLinkChanged`. Returns the function that stops it.
 */
export function syncHashWithExperiment(onLinkChanged: (config: ExperimentConfig) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const current = () => encodeHash(useStore.getState().config, useStore.getState().lesson, useStore.getState().embed);
  let written = current();
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.config === previous.config && state.lesson === previous.lesson) return;
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
    onLinkChanged(decoded.config);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
