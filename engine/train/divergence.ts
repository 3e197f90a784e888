/**
 * The one divergence rule, shared by the trainer and the exported PyTorch script (which writes
 * these constants into its loop): a loss that is NaN or infinite, or a running average of the loss
 * that climbs past DIVERGENCE_FACTOR times the first loss. No imports, so the page's main bundle
 * can read it without the engine.
 */
/**
 * A run counts as diverged when its loss, smoothed over ~20 steps, climbs to this many times
 * the first step's loss: a healthy run never rises that far (measured: ≤ 1.1×), while too large a
 * learning rate often makes the loss swing between large finite values without ever reaching NaN
 * (SGD at lr 10 on the spiral: 4.7× with ReLU, 80× with tanh). The exported PyTorch script
 * (app/code/sections/loop.ts) writes these two constants into its loop, so both stop alike.
 */
export const DIVERGENCE_FACTOR = 3;
/** The weight of each new step in that running average (an EMA: about 20 steps). */
export const LOSS_SMOOTHING = 0.05;
