/**
 * The data panel: pick a data set (thumbnails of the generated sets, the real sets by name and size),
 * set what applies to it (points, noise, classes, imbalance, validation fraction, augmentation,
 * seed), and see what the data loader makes of it: samples, batches per epoch, samples per class.
 */
import { DATASETS, numClasses, type DatasetName, type ExperimentConfig } from '../../engine/train/config';
import type { DataPoints } from '../../workers/session';
import * as training from '../bridge/training';
import { Panel } from '../controls/fields';
import { inTurn } from '../controls/inTurn';
import { DataSettings } from '../datasets/DataSettings';
import { DataSummary } from '../datasets/DataSummary';
import { DatasetPicker } from '../datasets/DatasetPicker';
import { OwnData } from '../datasets/OwnData';
import { datasetSwitchPatch } from '../datasets/switchPatch';
import '../datasets/data.css';
import { useMessages } from '../i18n';
import { useStore } from '../store';

/** Mounted in its turn at load (see inTurn). */
export const DataPanel = inTurn(DataPanelContent);

function DataPanelContent() {
  const config = useStore((s) => s.config);
  const points = useStore((s) => s.points);
  return <DataPanelView config={config} points={points} />;
}

/** The panel for a given experiment and data (what the store holds), so it renders without a store. */
export function DataPanelView({ config, points }: { config: ExperimentConfig; points: DataPoints | null }) {
  const m = useMessages();
  const dataset = config.data.dataset;
  const info = DATASETS[dataset];

  const pick = (next: DatasetName) => {
    const current = useStore.getState().config;
    if (next !== current.data.dataset) void training.changeConfig(datasetSwitchPatch(current, next));
  };

  return (
    <Panel id="data" title={m.data.title}>
      <DatasetPicker selected={dataset} onPick={pick} />
      <p className="data-about" aria-live="polite">
        <strong>{m.data.names[dataset]}</strong>
        <span className="data-muted">
          {' · '}
          {m.data.features(info.features)} · {info.task === 'classification' ? m.data.classCount(numClasses(config)) : m.data.regressionTask}
        </span>
        <br />
        {m.data.about[dataset]}
      </p>
      <OwnData />
      <DataSettings config={config} />
      <DataSummary config={config} points={points} />
    </Panel>
  );
}
