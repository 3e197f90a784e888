/**
 * The checkpoint file's size limit. No imports, so the page's main bundle can read it without the
 * engine (checkpoint.ts imports nn, which brings the tensor, its ops and the WebAssembly kernels).
 */

/** A bigger file is refused before it is read: the bundled models' checkpoints are a few MB at most. */
export const MAX_CHECKPOINT_BYTES = 50 * 1024 * 1024;
