/** Words used all over the page: the run bar, the header, notices. */
export const common = {
  appName: 'Training Playground',
  tagline: 'Train a neural network and watch it learn.',
  language: 'Language',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  stepEpoch: 'Step one epoch',
  reset: 'Reset',
  share: 'Share',
  linkCopied: 'Link copied',
  dismiss: 'Dismiss',
  tryAgain: 'Try again',
  /** the footer's line on what runs the engine's kernels (engine/wasm/kernels.ts) */
  engineBackend: (backend: string) => `The network trains in a Web Worker, its matrix products in ${backend}.`,
  backendNames: {
    'wasm-relaxed-simd': 'WebAssembly SIMD with fused multiply-add (relaxed SIMD)',
    'wasm-simd': 'WebAssembly SIMD',
    js: 'plain JavaScript (this browser has no WebAssembly SIMD)',
  },
  /** the accessible name of a number's slider, beside its typed box */
  slider: (label: string) => `${label} (slider)`,
  /** the accessible name of an ⓘ button ("About learning rate"); its explanation is the button's description */
  about: (subject: string) => `About ${inSentence(subject)}`,
};

/** "Learning rate" → "learning rate" inside a sentence; names (AMSGrad, Nesterov, T_max, X axis) keep their capitals. */
function inSentence(subject: string): string {
  return /^(?!Nesterov\b|Adam|Adagrad|Xavier|Kaiming)[A-Z][a-z]+(\s|$)/.test(subject) ? subject[0].toLowerCase() + subject.slice(1) : subject;
}
