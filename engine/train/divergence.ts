/**
 * The one divergence rule, shared by the trainer and the exported PyTorch script (app/code/sections/
 * loop.ts writes these constants and the same test into its loop, so both stop alike): a run has
 * diverged when its loss is NaN or infinite, or when the loss smoothed over ~20 steps climbs to
 * DIVERGENCE_FACTOR times the first step's loss. A healthy run never rises that far (measured:
 * ≤ 1.1×), while too large a learning rate often makes the loss swing between large finite values
 * without ever reaching NaN (SGD at lr 10 on the spiral: 4.7× with ReLU, 80× with tanh).
 * No imports, so the page's main bundle can read it without the engine.
 */
export const DIVERGENCE_FACTOR = 3;
/** The weight of each new step in that running average (an EMA: about 20 steps). */
export const LOSS_SMOOTHING = 0.05;
