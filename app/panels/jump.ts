/**
 * Moves the screen and the keyboard focus to a part of the page (the run bar, the curves, the
 * code), without touching the link: the hash holds the experiment, so `href="#curves"` would
 * replace it.
 */
export type JumpTarget = 'run' | 'curves' | 'code';

const SELECTORS: Record<JumpTarget, string> = {
  run: '#run-bar',
  curves: '.slot-curves',
  code: '.slot-code',
};

export function jumpTo(target: JumpTarget): void {
  const slot = document.querySelector<HTMLElement>(SELECTORS[target]);
  if (!slot) return;
  // the run bar's first button; a panel's own section (the slot, until the panel has mounted)
  const focusable = target === 'run' ? slot.querySelector<HTMLElement>('button') : (slot.querySelector<HTMLElement>('section.panel') ?? slot);
  const element = focusable ?? slot;
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  if (target === 'run') return;
  slot.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  followWhilePageGrows(slot);
}

let stopFollowing: (() => void) | null = null;

/**
 * Keeps `slot` at the top while the panels above it are still mounting (at load they mount one at
 * a time, each pushing those below it down): a jump made in the first seconds must land where the
 * panel ends up, not where it was. Stops after 8 s (a busy 2-core laptop can take more than 4 to mount them all), or as soon as the reader scrolls by hand.
 */
function followWhilePageGrows(slot: HTMLElement): void {
  stopFollowing?.();
  if (typeof ResizeObserver !== 'function') return;
  let first = true; // the observer reports once on observe: leave the smooth scroll be
  const observer = new ResizeObserver(() => {
    if (first) {
      first = false;
      return;
    }
    if (Math.abs(slot.getBoundingClientRect().top - scrollMargin(slot)) > 4) slot.scrollIntoView({ block: 'start', behavior: 'auto' });
  });
  observer.observe(document.body);
  const userEvents = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of userEvents) window.removeEventListener(type, stop, true);
    if (stopFollowing === stop) stopFollowing = null;
  };
  const timer = setTimeout(stop, 8000);
  for (const type of userEvents) window.addEventListener(type, stop, { capture: true, passive: true });
  stopFollowing = stop;
}

function scrollMargin(element: HTMLElement): number {
  return Number.parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
}
