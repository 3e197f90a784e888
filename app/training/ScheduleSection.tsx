/**
 * Learning-rate schedule: the scheduler, a preview of the curve it will produce, its own
 * parameters, and when it steps (each epoch or each batch) with an optional warm-up. All
 * structural: the preview is the curve from step 0, so a change starts the run over.
 */
import { SCHEDULERS } from '../../engine/train/config';
import { ChoiceField } from '../controls/fields';
import { useMessages } from '../i18n';
import { useTraining } from './context';
import { LrPreviewFigure } from './LrPreviewFigure';
import { Section } from './Section';
import { Refusal, SettingField } from './SettingField';
import { schedulerParameters, switchScheduler } from './settings';
import { choiceName, fieldText } from './text';

export function ScheduleSection() {
  const t = useMessages().training;
  const { config, shown, change, refusal } = useTraining();
  const s = config.scheduler;
  const text = fieldText(t, 'scheduler.type');
  return (
    <Section title={t.sections.schedule} summary={s.type === 'none' ? t.summary.constant : choiceName(t, 'scheduler.type', s.type)}>
      <ChoiceField
        label={text.label}
        tip={text.tip}
        field="scheduler.type"
        restarts
        restartsText={t.restarts}
        value={s.type}
        choices={SCHEDULERS}
        names={(c) => choiceName(t, 'scheduler.type', c)}
        onChange={(v) => change('scheduler.type', switchScheduler(config, v))}
      />
      <Refusal text={refusal('scheduler.type')} />
      <LrPreviewFigure />
      {schedulerParameters(config).map((path) => (
        <SettingField key={path} path={path} />
      ))}
      {shown.has('scheduler.interval') && <SettingField path="scheduler.interval" />}
      {shown.has('scheduler.warmup') && <SettingField path="scheduler.warmup" />}
    </Section>
  );
}
