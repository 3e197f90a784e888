/**
 * The training panel: every knob of the training loop, in the loop's own order — loss, optimizer,
 * learning-rate schedule, data loader, loop — each a collapsible section. Live settings change
 * the running model; those marked ↻ restart the run.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Panel } from '../controls/fields';
import { inTurn } from '../controls/inTurn';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { TrainingProvider } from '../training/context';
import { batchesPerEpoch, schedulerSteps, trainSize } from '../training/loader';
import { LoaderSection } from '../training/LoaderSection';
import { LoopSection } from '../training/LoopSection';
import { LossSection } from '../training/LossSection';
import { OptimizerSection } from '../training/OptimizerSection';
import { ScheduleSection } from '../training/ScheduleSection';
import { shownFields } from '../training/settings';
import '../training/training.css';

/** Mounted in its turn at load (see inTurn). */
export const TrainingPanel = inTurn(TrainingPanelContent);

/** What the training sections need (see training/context): for this panel and an embedded view's LR control. */
export function useTrainingContextValue() {
  const { config, trainN } = useStore(useShallow((s) => ({ config: s.config, trainN: s.points?.train.n ?? null })));
  return useMemo(() => {
    const trainCount = trainSize(config, trainN === null ? null : { train: { n: trainN } });
    const stepsPerEpoch = batchesPerEpoch(trainCount, config.training.batchSize, config.training.dropLast);
    return {
      config,
      shown: shownFields(config),
      trainCount,
      range: { schedulerSteps: schedulerSteps(config, stepsPerEpoch), stepsPerEpoch, lr: config.optimizer.lr },
    };
  }, [config, trainN]);
}

function TrainingPanelContent() {
  const m = useMessages();
  const value = useTrainingContextValue();
  return (
    <Panel id="training" title={m.training.title}>
      <p className="training-legend">{m.training.legend}</p>
      <TrainingProvider value={value}>
        <LossSection />
        <OptimizerSection />
        <ScheduleSection />
        <LoaderSection />
        <LoopSection />
      </TrainingProvider>
    </Panel>
  );
}
