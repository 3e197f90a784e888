/**
 * Optimizer: its type, the learning rate (the most important knob, drawn large), the type's own
 * hyper-parameters, and weight decay with an "off" position. All but the type apply live.
 */
import { fieldAt, OPTIMIZERS } from '../../engine/train/config';
import { ChoiceField, NumberField } from '../controls/fields';
import * as training from '../bridge/training';
import { useMessages } from '../i18n';
import { formatRate } from './format';
import { useStore } from '../store';
import { useTraining } from './context';
import { Section } from './Section';
import { Refusal, SettingField } from './SettingField';
import { optimizerParameters, sliderRange, switchOptimizer } from './settings';
import { choiceName, fieldText } from './text';

/** The weight-decay slider's leftmost position means "off" (0), which a log scale cannot reach. */
const WEIGHT_DECAY_OFF_BELOW = 1.0001e-6;
const snapWeightDecay = (v: number) => (v <= WEIGHT_DECAY_OFF_BELOW ? 0 : v);

export function OptimizerSection() {
  const t = useMessages().training;
  const { config, change, refusal } = useTraining();
  const o = config.optimizer;
  const text = fieldText(t, 'optimizer.type');
  const typeName = choiceName(t, 'optimizer.type', o.type);
  return (
    <Section title={t.sections.optimizer} summary={`${typeName} · ${t.summary.lr(formatRate(o.lr))}`}>
      <ChoiceField
        label={text.label}
        tip={text.tip}
        field="optimizer.type"
        restarts
        restartsText={t.restarts}
        value={o.type}
        choices={OPTIMIZERS}
        names={(c) => choiceName(t, 'optimizer.type', c)}
        onChange={(v) => change('optimizer.type', switchOptimizer(config, v))}
      />
      <Refusal text={refusal('optimizer.type')} />
      <LearningRate />
      {optimizerParameters(config).map((path) => (path === 'optimizer.betas' ? <Betas key={path} /> : <SettingField key={path} path={path} />))}
      <WeightDecay />
    </Section>
  );
}

function LearningRate() {
  const t = useMessages().training;
  const { config } = useTraining();
  const s = config.scheduler;
  const setsItself = s.type === 'oneCycleLR' || s.type === 'cyclicLR';
  return (
    <div className="training-lr">
      <SettingField path="optimizer.lr" />
      <FindLrButton />
      {setsItself && <p className="training-note">{t.lr.setBySchedule(choiceName(t, 'scheduler.type', s.type))}</p>}
      {s.type !== 'none' && <CurrentLr />}
    </div>
  );
}

/** Runs the learning-rate finder and brings its chart (in the curves panel) into view. */
function FindLrButton() {
  const f = useMessages().curves.lrFinder;
  const running = useStore((s) => s.lrFinder?.state === 'running');
  return (
    <p className="training-note-row">
      <button
        type="button"
        className="button button-small finder-open"
        title={f.findTip}
        disabled={running}
        data-testid="find-lr"
        onClick={() => {
          void training.findLr();
          // the card appears in the curves grid with the test's first state: show it there
          requestAnimationFrame(() => {
            const card = document.querySelector<HTMLElement>('[data-chart="lrFinder"]');
            card?.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
          });
        }}
      >
        {f.find}
      </button>
      <span className="training-note">{f.findHint}</span>
    </p>
  );
}

/** The rate the last step used, which a schedule moves away from the setting. */
function CurrentLr() {
  const t = useMessages().training;
  const lr = useStore((s) => s.latestStep?.lr);
  if (lr === undefined) return null;
  return (
    <p className="training-note" title={t.lr.nowTip}>
      {t.lr.now(formatRate(lr))}
    </p>
  );
}

function Betas() {
  const m = useMessages();
  const { config, range, set, refusal } = useTraining();
  const o = config.optimizer;
  if (o.type !== 'adam' && o.type !== 'adamw') return null;
  const spec = fieldAt('optimizer.betas', o.type)!.spec;
  if (spec.kind !== 'list') return null;
  return (
    <>
      {([0, 1] as const).map((i) => {
        const path = `optimizer.betas[${i}]`;
        const text = fieldText(m.training, path);
        const r = sliderRange(path, spec.item, range);
        return (
          <NumberField
            key={path}
            label={text.label}
            tip={text.tip}
            field="optimizer.betas"
            value={o.betas[i]}
            min={r.min}
            max={r.max}
            step={r.step}
            onChange={(v) => set('optimizer.betas', i === 0 ? [v, o.betas[1]] : [o.betas[0], v])}
          />
        );
      })}
      <Refusal text={refusal('optimizer.betas')} />
    </>
  );
}

function WeightDecay() {
  const t = useMessages().training;
  const { config, set } = useTraining();
  const off = config.optimizer.weightDecay === 0;
  return (
    <div className="training-group">
      <SettingField path="optimizer.weightDecay" snap={snapWeightDecay} />
      <p className="training-note training-note-row">
        {off ? (
          <span>{t.weightDecay.off}</span>
        ) : (
          <button type="button" className="training-link" aria-label={t.weightDecay.turnOffLabel} onClick={() => set('optimizer.weightDecay', 0)}>
            {t.weightDecay.turnOff}
          </button>
        )}
      </p>
    </div>
  );
}
