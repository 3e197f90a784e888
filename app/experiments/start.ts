/** Starting a guided experiment: its whole configuration, a fresh run, and its card open. */
import * as training from '../bridge/training';
import { useStore } from '../store';
import { experimentConfig, type ExperimentId } from './presets';

export async function startExperiment(id: ExperimentId): Promise<void> {
  const { version: _version, ...sections } = experimentConfig(id);
  const store = useStore.getState();
  store.setLesson(id);
  store.setIgnoredFields([]);
  const result = await training.changeConfig(sections);
  // the card says what changed and why; a "restarted because…" notice would only repeat it
  training.dismissNotice();
  // a restart already gave a fresh run; live settings (or none, for "Run it again") need one
  if (result.applied !== 'restart') await training.reset();
  await training.play();
}
