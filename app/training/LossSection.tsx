/** Loss: the loss function, class weights (none, balanced, or one number per class) and label smoothing. */
import { useShallow } from 'zustand/react/shallow';
import { isClassification, LOSSES, numClasses } from '../../engine/train/config';
import { ChoiceField, InfoTip, NumberField } from '../controls/fields';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { useTraining } from './context';
import { Section } from './Section';
import { Refusal, SettingField } from './SettingField';
import { classWeightMode, classWeightsFor, switchLoss, type ClassWeightMode } from './settings';
import { choiceName, fieldText } from './text';

const WEIGHT_MODES: readonly ClassWeightMode[] = ['none', 'balanced', 'custom'];

export function LossSection() {
  const m = useMessages();
  const t = m.training;
  const { config, shown, change, refusal } = useTraining();
  const classification = isClassification(config);
  const type = classification ? config.loss.type : 'mse';
  const text = fieldText(t, 'loss.type');
  return (
    <Section title={t.sections.loss} summary={choiceName(t, 'loss.type', type)}>
      <ChoiceField
        label={text.label}
        tip={text.tip}
        field="loss.type"
        restarts
        restartsText={t.restarts}
        value={type}
        choices={LOSSES}
        names={(c) => choiceName(t, 'loss.type', c)}
        disabled={!classification}
        onChange={(v) => change('loss.type', switchLoss(config, v))}
      />
      <Refusal text={refusal('loss.type')} />
      {!classification && <p className="training-note">{t.loss.regressionOnly}</p>}
      {classification && type === 'mse' && (
        <p className="training-note training-note-row">
          <span>{t.loss.mseOnClasses}</span>
          <InfoTip text={t.loss.mseOnClassesTip} label={t.loss.mseOnClassesName} />
        </p>
      )}
      {shown.has('loss.classWeights') && <ClassWeights />}
      {shown.has('loss.labelSmoothing') && <SettingField path="loss.labelSmoothing" />}
    </Section>
  );
}

function ClassWeights() {
  const t = useMessages().training;
  const { config, change, refusal } = useTraining();
  const classNames = useStore(useShallow((s) => s.points?.classNames ?? []));
  const mode = classWeightMode(config);
  const text = fieldText(t, 'loss.classWeights');
  const weights = config.loss.classWeights;
  const setWeights = (value: typeof weights) => change('loss.classWeights', { loss: { classWeights: value } });
  return (
    <div className="training-group">
      <ChoiceField
        label={text.label}
        tip={text.tip}
        field="loss.classWeights"
        value={mode}
        choices={WEIGHT_MODES}
        names={(c) => choiceName(t, 'loss.classWeights', c)}
        onChange={(v) => setWeights(classWeightsFor(config, v))}
      />
      {Array.isArray(weights) && weights.length === numClasses(config) ? (
        <div className="training-indent">
          {weights.map((w, i) => (
            <NumberField
              key={i}
              label={t.loss.classWeight(classNames[i] ?? String(i))}
              tip={t.loss.classWeightTip}
              field="loss.classWeights"
              value={w}
              min={0}
              max={10}
              step={0.1}
              onChange={(v) => setWeights(weights.map((x, j) => (j === i ? v : x)))}
            />
          ))}
        </div>
      ) : null}
      <Refusal text={refusal('loss.classWeights')} />
    </div>
  );
}
