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
  /** the accessible name of a number's slider, beside its typed box */
  slider: (label: string) => `${label} (slider)`,
};
