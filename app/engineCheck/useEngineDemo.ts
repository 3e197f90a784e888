import { useEffect, useState, useSyncExternalStore } from 'react';
import { defaultConfig } from '../../engine/train/config';
import { TrainingClient } from '../../workers/client';
import { EngineDemo, type DemoView } from './engineDemo';

function createDemo(): EngineDemo {
  const config = defaultConfig();
  return new EngineDemo((events) => new TrainingClient(events), config, config.training.epochs);
}

/**
 * The demo for this card. The worker starts in an effect only, so server rendering and unit tests
 * (which have no Worker) render the "starting" card without one.
 */
export function useEngineDemo(): { demo: EngineDemo; view: DemoView } {
  const [demo] = useState(createDemo);
  useEffect(() => {
    demo.start();
    return () => demo.stop();
  }, [demo]);
  const view = useSyncExternalStore(demo.subscribe, demo.getView, demo.getView);
  return { demo, view };
}
