/** Data loader: batch size (powers of two on the slider, any size typed) with the batches it makes, shuffle, drop last, sampler. */
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { useTraining } from './context';
import { batchesPerEpoch, nearestPowerOfTwo } from './loader';
import { Section } from './Section';
import { SettingField } from './SettingField';

export function LoaderSection() {
  const t = useMessages().training;
  const language = useLanguage();
  const { config, shown, trainCount } = useTraining();
  const { batchSize, dropLast } = config.training;
  const batches = batchesPerEpoch(trainCount, batchSize, dropLast);
  const number = (v: number) => formatNumber(language, v);
  return (
    <Section title={t.sections.loader} summary={t.summary.batch(number(batchSize), number(batches))}>
      <div className="training-group">
        <SettingField path="training.batchSize" snap={(v) => nearestPowerOfTwo(v)} />
        <p className="training-note training-batches" aria-live="polite">
          {t.loader.batches(batches, number(batches))}
        </p>
        {trainCount > 0 && batchSize > trainCount && (
          <p className="training-note training-warning">{dropLast ? t.loader.empty : t.loader.tooLarge(number(trainCount))}</p>
        )}
      </div>
      {shown.has('training.shuffle') && <SettingField path="training.shuffle" />}
      <SettingField path="training.dropLast" />
      {shown.has('training.sampler') && <SettingField path="training.sampler" />}
    </Section>
  );
}
