/**
 * The playground: set every knob of the training loop, press play, watch it learn. The experiment
 * comes from the link (or the defaults), the worker trains it, and every panel reads the store.
 */
import { useEffect } from 'react';
import * as training from './bridge/training';
import { LanguageProvider } from './i18n';
import { installShortcuts } from './keyboard';
import { installPageApi } from './pageApi';
import { CodePanel } from './panels/CodePanel';
import { CurvesPanel } from './panels/CurvesPanel';
import { DataPanel } from './panels/DataPanel';
import { Header } from './panels/Header';
import { ModelPanel } from './panels/ModelPanel';
import { LessonCard } from './experiments/LessonCard';
import { Notices } from './panels/Notices';
import { OutputPanel } from './panels/OutputPanel';
import { RunBar } from './panels/RunBar';
import { TrainingPanel } from './panels/TrainingPanel';
import { useStore } from './store';
import { loadExperimentFromHash, syncHashWithExperiment } from './url/sync';
import './theme.css';
import './app.css';

let started = false;

/** Reads the link, starts the worker, and keeps link and experiment in step (once per page). */
function startOnce(): void {
  if (started) return;
  started = true;
  loadExperimentFromHash();
  syncHashWithExperiment((config) => void training.changeConfig(config));
  void training.startTraining().then(() => training.play());
  installShortcuts();
  installPageApi();
}

export function App() {
  const language = useStore((s) => s.language);
  useEffect(startOnce, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <LanguageProvider language={language}>
      <div className="app">
        <Header />
        <RunBar />
        <LessonCard />
        <Notices />
        <main className="app-grid">
          <div className="app-column">
            <div className="slot slot-data"><DataPanel /></div>
            <div className="slot slot-training"><TrainingPanel /></div>
          </div>
          <div className="app-column">
            <div className="slot slot-model"><ModelPanel /></div>
            <div className="slot slot-curves"><CurvesPanel /></div>
          </div>
          <div className="app-column">
            <div className="slot slot-output"><OutputPanel /></div>
            <div className="slot slot-code"><CodePanel /></div>
          </div>
        </main>
      </div>
    </LanguageProvider>
  );
}
