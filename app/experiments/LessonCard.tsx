/** The card of the guided experiment that is running: what it set up, what to watch, what to try next. */
import * as training from '../bridge/training';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { experimentById } from './presets';
import { startExperiment } from './start';

export function LessonCard() {
  const m = useMessages().experiments;
  const lesson = useStore((s) => s.lesson);
  const setLesson = useStore((s) => s.setLesson);
  if (lesson === null) return null;
  const text = m.items[lesson];
  return (
    <section className="lesson-card" aria-label={`${m.cardLabel}: ${text.title}`} data-testid="lesson">
      <div className="lesson-main">
        <p className="lesson-step">{m.steps[experimentById(lesson).step]}</p>
        <h2 className="lesson-title">{text.title}</h2>
        <p className="lesson-summary">{text.summary}</p>
      </div>
      <dl className="lesson-notes">
        <div>
          <dt>{m.watch}</dt>
          <dd>{text.watch}</dd>
        </div>
        <div>
          <dt>{m.then}</dt>
          <dd>{text.then}</dd>
        </div>
      </dl>
      <div className="lesson-actions">
        <button type="button" className="button" onClick={() => void startExperiment(lesson)}>
          {m.again}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setLesson(null);
            void training.applySpeed();
          }}
        >
          {m.close}
        </button>
      </div>
    </section>
  );
}
