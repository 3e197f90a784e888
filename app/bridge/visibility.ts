/**
 * Training runs only while someone can see it. A page in a hidden tab, or an embedded frame
 * scrolled out of the reader's screen, pauses its run (and uses no CPU); when it comes back into
 * sight, a run the page paused itself goes on. A run the learner paused stays paused. The first
 * Play waits until the page is in sight: a frame far down a blog post does not train until read.
 */
import { useStore } from '../store';

export interface Sight {
  /** whether the page can be seen now (the tab shown and `element` on the screen) */
  visible: () => boolean;
  /** calls `listener` whenever that may have changed */
  subscribe: (listener: () => void) => () => void;
}

/** The browser's sight of `element`: the tab's visibility and an IntersectionObserver (the top-level screen, for a frame). */
export function browserSight(element: Element): Sight {
  // Until the observer's first answer: in sight only outside a frame (the top page's body always is).
  let intersecting = window.self === window.top;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          intersecting = entries[entries.length - 1].isIntersecting;
          notify();
        })
      : null;
  if (observer) observer.observe(element);
  else intersecting = true;
  document.addEventListener('visibilitychange', notify);
  return {
    visible: () => document.visibilityState !== 'hidden' && intersecting,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export interface Player {
  playing: () => boolean;
  play: () => unknown;
  pause: () => unknown;
}

/**
 * Plays once `sight` sees the page, pauses when it stops seeing it and plays again when it sees it
 * again — only a run this paused. Returns the function that stops watching.
 */
export function playWhileInSight(sight: Sight, player: Player): () => void {
  const set = (pausedOutOfSight: boolean) => useStore.setState({ pausedOutOfSight });
  // the first Play is this one's to give, as if this had paused the run
  set(true);
  const update = () => {
    const visible = sight.visible();
    if (!visible && player.playing()) {
      set(true);
      void player.pause();
    } else if (visible && useStore.getState().pausedOutOfSight) {
      set(false);
      void player.play();
    }
  };
  const unsubscribe = sight.subscribe(update);
  update();
  return unsubscribe;
}
