import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { playWhileInSight, type Sight } from './visibility';

function fakeSight(initially: boolean) {
  let visible = initially;
  const listeners = new Set<() => void>();
  const sight: Sight = {
    visible: () => visible,
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  return { sight, set: (v: boolean) => ((visible = v), listeners.forEach((l) => l())) };
}

function fakePlayer() {
  const calls: string[] = [];
  let playing = false;
  return {
    calls,
    player: {
      playing: () => playing,
      play: () => ((playing = true), calls.push('play')),
      pause: () => ((playing = false), calls.push('pause')),
    },
    learnerPauses: () => (playing = false),
  };
}

describe('training only while in sight', () => {
  beforeEach(() => useStore.setState({ pausedOutOfSight: false }));

  it('a page in sight plays at once; out of sight it pauses, back in sight it plays on', () => {
    const { sight, set } = fakeSight(true);
    const { calls, player } = fakePlayer();
    playWhileInSight(sight, player);
    expect(calls).toEqual(['play']);
    set(false);
    expect(calls).toEqual(['play', 'pause']);
    expect(useStore.getState().pausedOutOfSight).toBe(true);
    set(true);
    expect(calls).toEqual(['play', 'pause', 'play']);
  });

  it('a frame out of sight does not start until it is seen', () => {
    const { sight, set } = fakeSight(false);
    const { calls, player } = fakePlayer();
    playWhileInSight(sight, player);
    expect(calls).toEqual([]);
    set(false);
    expect(calls).toEqual([]);
    set(true);
    expect(calls).toEqual(['play']);
  });

  it("a run the learner paused stays paused when the page comes back; stopping ends the watch", () => {
    const { sight, set } = fakeSight(true);
    const { calls, player, learnerPauses } = fakePlayer();
    const stop = playWhileInSight(sight, player);
    learnerPauses();
    set(false);
    set(true);
    expect(calls).toEqual(['play']);
    stop();
    set(false);
    set(true);
    expect(calls).toEqual(['play']);
  });
});
