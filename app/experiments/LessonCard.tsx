/** The card of the guided experiment that is running: what it set up, what to watch, what to try next. */
import * as training from '../bridge/training';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { experimentById } from './presets';
import { startExperiment } from './start';
import type { Messages } from '../i18n';
import type { SweepPath } from '../store/sweep';

/** The compared setting as the card says it: `lr` is what the card's own text calls the rate. */
function compareName(m: Messages, path: SweepPath): string {
  return path === 'optimizer.lr' ? 'lr =' : `${m.training.fields[path as keyof typeof m.training.fields]?.label ?? path}:`;
}

export function LessonCard() {
  const all = useMessages();
  const m = all.experiments;
  const lesson = useStore((s) => s.lesson);
  const setLesson = useStore((s) => s.setLesson);
  if (lesson === null) return null;
  const text = m.items[lesson];
  const { compare, focus } = experimentById(lesson);
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
        {compare && (
          <button type="button" className="button button-primary" title={m.compareTip} onClick={() => void training.compareValues(compare)}>
            {m.compare(compareName(all, compare.path), compare.values.join(', '))}
          </button>
        )}
        {focus === 'lrFinder' && (
          <button type="button" className="button button-primary" title={m.findLrTip} data-testid="lesson-find-lr" onClick={() => void training.findLr()}>
            {m.findLr}
          </button>
        )}
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
