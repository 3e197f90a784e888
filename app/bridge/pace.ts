/**
 * How many training steps a second each speed shows. The page paces training for watching, not
 * for the engine: at Normal a run takes about WATCH_SECONDS whatever its length (the default run,
 * 4,000 steps, is capped at 60 steps a second, so its learning takes the first ≈15 s and its
 * fine-tuning the rest); a guided experiment whose point comes before its last epoch (a blow-up,
 * an early stop) brings its own pace. Fast is a quick run still drawn smoothly; Max is the engine's
 * full speed.
 */
export const SPEEDS = ['slow', 'normal', 'fast', 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Batches in an epoch of `train` examples (0 before the data are known), as the DataLoader makes them. */
export function batchesPerEpoch(train: number, training: { batchSize: number; dropLast: boolean }): number {
  if (train === 0) return 0;
  return training.dropLast ? Math.floor(train / training.batchSize) : Math.ceil(train / training.batchSize);
}

/** About how long a run lasts at Normal. */
export const WATCH_SECONDS = 30;
/** Normal's bounds, in steps a second: never a crawl, never faster than an eye can follow. */
export const NORMAL_MIN = 2;
export const NORMAL_MAX = 60;
export const FAST_STEPS_PER_SECOND = 300;
/** Slow shows a third of Normal's steps a second. */
export const SLOW_FACTOR = 1 / 3;

/**
 * Steps a second at `speed` (null: as fast as the engine can) for a run of `totalSteps`
 * (epochs × batches per epoch; 0 when not known yet), or at a guided experiment's own `lessonPace`.
 */
export function stepsPerSecond(speed: Speed, totalSteps: number, lessonPace: number | null = null): number | null {
  if (speed === 'max') return null;
  if (speed === 'fast') return FAST_STEPS_PER_SECOND;
  const byLength = totalSteps > 0 ? Math.round(totalSteps / WATCH_SECONDS) : NORMAL_MAX;
  const normal = lessonPace ?? Math.min(NORMAL_MAX, Math.max(NORMAL_MIN, byLength));
  return speed === 'normal' ? normal : Math.max(0.5, Math.round(normal * SLOW_FACTOR * 2) / 2);
}
