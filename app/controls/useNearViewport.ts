/**
 * Whether an element has been on (or near) the screen for a moment yet (and stays true once it
 * has): panels below the fold load their code (the PyTorch generator, the LR preview's
 * schedulers) only when the reader scrolls to them, so the first load fetches what the first
 * screen shows. "For a moment" (`dwellMs`): while the page lays itself out, before the first data
 * arrive, a panel further down can flash into view; that, or scrolling quickly past, loads nothing.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useNearViewport(ref: RefObject<Element | null>, margin = '0px', dwellMs = 400): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries[entries.length - 1].isIntersecting;
        clearTimeout(timer);
        if (visible) timer = setTimeout(() => setNear(true), dwellMs);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref, near, margin, dwellMs]);
  return near;
}
