/**
 * Panels (and other heavy parts: the charts' frames) that mount one at a time, from the top of the page down, each in a task of its own after
 * the one before has been drawn. All at once, the panels' first render, style, layout and paint
 * made one task of 400–800 ms at load; one at a time, each is a few tens of milliseconds and the
 * page answers input in between. Until its turn a panel is an empty box of no height, so nothing
 * on screen moves: a panel only ever appears below those already there. Without a DOM (server
 * rendering, tests) everything renders at once.
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState, type ComponentType, type RefObject } from 'react';

interface Waiting {
  element: Pick<HTMLElement, 'getBoundingClientRect'>;
  mount: () => void;
}

const waiting = new Set<Waiting>();
let turnScheduled = false;

/** Runs `job` in a task after the next frame has been drawn (after a timer where frames do not come: a hidden tab). */
export function afterNextPaint(job: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(job, 0);
  };
  requestAnimationFrame(start);
  setTimeout(start, 100);
}

function scheduleTurn(): void {
  if (turnScheduled) return;
  if (waiting.size === 0) {
    runSettledJobs();
    return;
  }
  turnScheduled = true;
  afterNextPaint(takeTurn);
}

const settledJobs: Array<() => void> = [];

/** Runs `job` in idle time once nothing waits for its turn any more (the page is up). */
export function whenSettled(job: () => void): void {
  settledJobs.push(job);
  if (waiting.size === 0 && !turnScheduled) runSettledJobs();
}

function runSettledJobs(): void {
  if (settledJobs.length === 0) return;
  const jobs = settledJobs.splice(0);
  const run = () => {
    for (const job of jobs) job();
  };
  // requestIdleCallback: not in every browser (Safari)
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 1000);
}

/** Of boxes on the page, the index of the one highest up (then leftmost): the order the layout shows them in, at any width. */
export function firstInPage(boxes: ReadonlyArray<{ top: number; left: number }>): number {
  let first = -1;
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i];
    if (first < 0 || box.top < boxes[first].top || (box.top === boxes[first].top && box.left < boxes[first].left)) first = i;
  }
  return first;
}

/** Mounts the waiting panel highest on the page (see firstInPage). */
function takeTurn(): void {
  turnScheduled = false;
  const candidates = [...waiting];
  const next = candidates[firstInPage(candidates.map((candidate) => candidate.element.getBoundingClientRect()))];
  if (next === undefined) return;
  waiting.delete(next);
  next.mount();
}

/**
 * Queues `mount` until the turn of `element` (a box on the page) has come; returns a function that
 * takes it out of the queue. Call turnTaken() once what `mount` showed has been committed: the
 * next turn comes after the next frame (useTurn does both).
 */
export function waitForTurn(element: Pick<HTMLElement, 'getBoundingClientRect'>, mount: () => void): () => void {
  const entry: Waiting = { element, mount };
  waiting.add(entry);
  scheduleTurn();
  return () => {
    waiting.delete(entry);
  };
}

/** The content of a turn has been committed: the next turn comes after the next frame. */
export const turnTaken = scheduleTurn;

/**
 * Whether the element `ref` is on may show its content yet: false until `wanted`, then until its
 * turn has come (see above); true from then on.
 */
export function useTurn(ref: RefObject<HTMLElement | null>, wanted = true): boolean {
  const [shown, setShown] = useState(typeof window === 'undefined');
  useLayoutEffect(() => {
    const element = ref.current;
    if (shown || !wanted || !element) return;
    // a transition: React renders the content in slices of a few milliseconds, then commits it
    return waitForTurn(element, () => startTransition(() => setShown(true)));
  }, [ref, shown, wanted]);
  // the next turn comes once this content has been committed and drawn
  useEffect(() => {
    if (shown) turnTaken();
  }, [shown]);
  return shown;
}

/** `Component`, mounted in its turn (see above); an empty box until then. */
export function inTurn<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function InTurn(props: P) {
    const box = useRef<HTMLDivElement>(null);
    return useTurn(box) ? <Component {...props} /> : <div ref={box} className="in-turn" />;
  }
  InTurn.displayName = `InTurn(${Component.displayName ?? Component.name})`;
  return InTurn;
}
