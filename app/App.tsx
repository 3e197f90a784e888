/**
 * The playground: set every knob of the training loop, press play, watch it learn. The experiment
 * comes from the link (or the defaults), the worker trains it, and every panel reads the store.
 *
 * The layout is for watching: at 1280 px and up the curves lead the middle column beside the
 * output, the run bar stays on screen while the page scrolls, and a lesson's card sits at the top of
 * the left column, so neither pushes the charts below the fold. A link with `embed=1` shows the
 * compact embedded view instead (see EmbedView).
 */
import { useEffect } from 'react';
import * as training from './bridge/training';
import { browserSight, playWhileInSight } from './bridge/visibility';
import { EmbedView } from './embed/EmbedView';
import { experimentById } from './experiments/presets';
import { LanguageProvider, useMessages } from './i18n';
import { installShortcuts } from './keyboard';
import { installPageApi } from './pageApi';
import { CodePanel } from './panels/CodePanel';
import { CurvesPanel } from './panels/CurvesPanel';
import { DataPanel } from './panels/DataPanel';
import { FirstVisitHint } from './panels/FirstVisitHint';
import { Footer } from './panels/Footer';
import { Header } from './panels/Header';
import { ModelPanel } from './panels/ModelPanel';
import { LessonCard } from './experiments/LessonCard';
import { Notices } from './panels/Notices';
import { OutputPanel } from './panels/OutputPanel';
import { RunBar } from './panels/RunBar';
import { SkipLinks } from './panels/SkipLinks';
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
  const { run } = loadExperimentFromHash();
  syncHashWithExperiment((config, link) => void training.openLink(config, link));
  // Plays once the page is in sight (a frame far down a post waits), pauses out of sight.
  const sight = browserSight(document.getElementById('root') ?? document.body);
  void training.startTraining(run).then(() =>
    playWhileInSight(sight, { playing: training.isPlaying, play: training.play, pause: training.pause }),
  );
  installShortcuts();
  installPageApi();
}

export function App() {
  const language = useStore((s) => s.language);
  const embed = useStore((s) => s.embed);
  useEffect(startOnce, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageProvider language={language}>{embed ? <EmbedView view={embed} /> : <FullPage />}</LanguageProvider>;
}

function FullPage() {
  const m = useMessages();
  const lesson = useStore((s) => s.lesson);
  const focus = lesson === null ? undefined : experimentById(lesson).focus;
  return (
    <div className="app" data-focus={focus}>
      <SkipLinks />
      <Header />
      <RunBar />
      <Notices />
      <main className="app-grid" aria-label={m.common.appName}>
        <div className="app-column">
          <div className="slot slot-lesson">{lesson === null ? <FirstVisitHint /> : <LessonCard />}</div>
          <div className="slot slot-data"><DataPanel /></div>
          <div className="slot slot-training"><TrainingPanel /></div>
        </div>
        <div className="app-column">
          <div className="slot slot-curves"><CurvesPanel focus={focus} /></div>
          <div className="slot slot-model"><ModelPanel /></div>
        </div>
        <div className="app-column">
          <div className="slot slot-output"><OutputPanel focus={focus} /></div>
          <div className="slot slot-code"><CodePanel /></div>
        </div>
      </main>
      <Footer />
    </div>
  );
}
