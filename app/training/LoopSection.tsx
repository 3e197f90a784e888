/**
 * Loop: epochs, how often to evaluate, early stopping, gradient clipping, the "zero_grad each step"
 * switch (drawn large, with the line of PyTorch it stands for), and the training seed.
 */
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { useTraining } from './context';
import { Section } from './Section';
import { SettingField } from './SettingField';

export function LoopSection() {
  const t = useMessages().training;
  const language = useLanguage();
  const { config, shown } = useTraining();
  const loop = config.training;
  return (
    <Section title={t.sections.loop} summary={t.summary.epochs(formatNumber(language, loop.epochs))}>
      <ZeroGrad />
      <SettingField path="training.epochs" />
      <div className="training-group">
        <SettingField path="training.evaluateEverySteps" />
        {loop.evaluateEverySteps === 0 && <p className="training-note">{t.loop.eachEpoch}</p>}
      </div>
      <div className="training-group">
        <SettingField path="training.earlyStopping.enabled" />
        {loop.earlyStopping.enabled && (
          <div className="training-indent">
            {['patience', 'minDelta', 'restoreBestWeights'].map((key) => {
              const path = `training.earlyStopping.${key}`;
              return shown.has(path) ? <SettingField key={path} path={path} /> : null;
            })}
          </div>
        )}
      </div>
      <div className="training-group">
        <SettingField path="training.gradientClipping.enabled" />
        {shown.has('training.gradientClipping.maxNorm') && (
          <div className="training-indent">
            <SettingField path="training.gradientClipping.maxNorm" />
          </div>
        )}
      </div>
      <SettingField path="training.seed" />
    </Section>
  );
}

/** The switch for the classic bug: without zero_grad, gradients add up across steps. */
function ZeroGrad() {
  const t = useMessages().training;
  const { config } = useTraining();
  const on = config.training.zeroGrad;
  return (
    <div className={`training-zero-grad${on ? '' : ' is-off'}`}>
      <SettingField path="training.zeroGrad" />
      <pre className="training-code">
        <code>{on ? 'optimizer.zero_grad()' : '# optimizer.zero_grad()'}</code>
      </pre>
      <p className="training-note" role="status">
        {on ? t.loop.zeroGradOn : `⚠ ${t.loop.zeroGradOff}`}
      </p>
    </div>
  );
}
