/** The run bar: what the run is doing and the buttons that drive it. */
export const run = {
  runControls: 'Run controls',
  stepMenu: 'More step options',
  stepBatch: 'Step one batch',
  stepBatchTip: 'One optimizer step on one mini-batch: zero_grad → forward → loss → backward → step. Shift-click Step for a whole epoch.',
  stepEpochTip: 'Train until the end of the current epoch (every batch of the training set once).',
  playTip: 'Train continuously. Space also plays and pauses.',
  resetTip: 'Start this experiment again from step 0 with freshly initialised weights (same seed, so the same start). Shortcut: r.',
  stateLabel: 'State',
  speed: 'Speed',
  speedTip: 'How fast training runs. Normal spreads a run over about 30 seconds (at most 60 steps a second), so a class can watch it learn; Slow is a third of that; Fast does 300 steps a second; Max runs as fast as this computer can.',
  speeds: { slow: 'Slow', normal: 'Normal', fast: 'Fast', max: 'Max' },
  epoch: 'Epoch',
  step: 'Step',
  samples: 'Samples seen',
  throughput: 'Steps/s',
  trainLoss: 'Train loss',
  valLoss: 'Validation loss',
  trainAcc: 'Train accuracy',
  valAcc: 'Validation accuracy',
  trainR2: 'Train R²',
  valR2: 'Validation R²',
  lr: 'Learning rate',
  state: {
    ready: 'Ready',
    running: 'Training',
    paused: 'Paused',
    finished: 'Finished',
    earlyStopped: (epoch: number) => `Early-stopped at epoch ${epoch}`,
    diverged: (step: number) => `Diverged at step ${step}`,
    error: 'Stopped by an error',
    starting: 'Starting…',
  },
  /** `loss`: the loss that stopped the run, formatted ('NaN', '∞', '24.8'), or null when unknown */
  diverged: (step: number, loss: string | null) =>
    loss === 'NaN'
      ? `The loss became NaN at step ${step} — the learning rate is probably too large.`
      : loss === null
        ? `The loss blew up at step ${step} — the learning rate is probably too large.`
        : `The loss blew up to ${loss} at step ${step} — the learning rate is probably too large.`,
  divergedLossTip: 'The loss of the step that stopped the run: it grew too large to go on.',
  divergedFix: (lr: string) => `Use learning rate ${lr} and restart`,
  earlyStopped: (best: number) => `Validation loss stopped improving; the weights of the best epoch (${best}) were kept.`,
  restarted: (fields: string) => `The run restarted because these settings shape the model or the data: ${fields}.`,
  ignoredFields: (count: number) =>
    count === 1 ? 'One setting in the link could not be used; it was reset to its default:' : `${count} settings in the link could not be used; they were reset to their defaults:`,
  runsUnreadable: (count: number) =>
    count === 1 ? 'One run kept from an earlier visit could not be read; it was left out. The others are here.' : `${count} runs kept from an earlier visit could not be read; they were left out. The others are here.`,
  runsNotSaved: 'The browser has no room to keep the runs for the next visit (they stay on this page). Forget some in the Runs table to make room.',
  workerRestarted: 'The training worker stopped unexpectedly. A fresh one started with the same settings; press Play to continue.',
  invalidValue: (path: string, got: string, allowed: string) => `${path}: ${got} cannot be used (${allowed}).`,
  allowedRange: (min: string, max: string) => `allowed: ${min} to ${max}`,
  /** a range with an open end: "allowed: 0 ≤ p < 1" */
  allowedInterval: (min: string, max: string, minOpen: boolean, maxOpen: boolean) =>
    `allowed: ${min} ${minOpen ? '<' : '≤'} value ${maxOpen ? '<' : '≤'} ${max}`,
  allowedChoices: (choices: string) => `allowed: ${choices}`,
  invalidValueHere: (got: string, allowed: string) => `${got} cannot be used (${allowed}).`,
  noOwnTable: 'data.dataset: "custom" is a table of one\'s own, and none is loaded on this page (a link never carries anyone\'s data). Load the CSV in the Data panel, under Your own data.',
  conflictValue: (path: string) => `${path}: this value does not fit together with the other settings.`,
  unknownSetting: (path: string) => `${path} is not a setting.`,
  invalid: 'That value was not used:',
  shareTip: 'Copy a link to this exact experiment (data, seed and every setting). Whoever opens it sees the same run.',
  shareFailed: 'Copying was blocked by the browser; copy the address bar instead.',
  keyboard: 'Keyboard: Space play/pause, → step, r reset',
  csvThinned: (stride: number) => `The runs have more than a million steps: the CSV holds every ${stride}th step, each step that ended an epoch (with its evaluation) and each run’s last step.`,
  comparing: (runs: number, running: boolean) => `${running ? 'Comparing' : 'Comparison paused:'} ${runs} runs`,
  link: {
    sweepCount: (count: string) => `The link asks to compare ${count} runs; a comparison runs 2 to 6 values, so none was started. The rest of the link is open.`,
    sweepSetting: (path: string) => `${path}: only the learning rate, batch size, dropout, weight decay, optimizer and schedule can be compared.`,
    sweepOne: (path: string) => `${path}: a link compares one setting at a time; the first one is compared.`,
    changesMany: (count: string) => `The link has ${count} changes during the run; the first 50 are replayed.`,
    changeBad: (path: string) => `${path} is not a change at a step (change.<step>.<setting>=<value>).`,
    changeRestarts: (path: string, step: number) => `${path} cannot change while a run goes on (it starts a new run), so its change at step ${step} was left out.`,
    changeAt: (step: number, text: string) => `At step ${step}: ${text}`,
  },
};
