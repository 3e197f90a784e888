/**
 * Parts 5 and 6: the model as an nn.Sequential in the playground's layer order (Linear →
 * [BatchNorm1d] → activation → [Dropout] per hidden layer, then a Linear to the outputs), and its
 * initialisation (engine/train/build.ts `buildModel` / `initialise`).
 */
import type { ModelConfig } from '../../../engine/train/config';
import { pyFloat, pyString } from '../python';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';

const ACTIVATION_CLASS: Record<ModelConfig['activation'], string> = {
  relu: 'nn.ReLU()',
  leakyRelu: 'nn.LeakyReLU()',
  elu: 'nn.ELU()',
  gelu: 'nn.GELU()',
  silu: 'nn.SiLU()',
  tanh: 'nn.Tanh()',
  sigmoid: 'nn.Sigmoid()',
  identity: 'nn.Identity()',
};

/** The nonlinearity torch.nn.init's gain table uses for each activation (as build.ts `gainName`). */
const GAIN_NAME: Record<ModelConfig['activation'], string> = {
  relu: 'relu', gelu: 'relu', silu: 'relu', elu: 'relu', leakyRelu: 'leaky_relu',
  tanh: 'tanh', sigmoid: 'sigmoid', identity: 'linear',
};

export function writeModel(w: CodeWriter, ctx: Context): void {
  const { t, config, features, outputs } = ctx;
  const model = config.model;
  w.startSection('model', t.sections.model);
  w.comment(model.hiddenLayers.length === 0 ? t.model.linear : t.model.layers, '', ['model.hiddenLayers']);
  if (model.dropout === 0 && model.hiddenLayers.length > 0) w.comment(t.model.noDropout, '', ['model.dropout']);
  // The opening line stands for the architecture as a whole, also for layers that are not there (no batch norm).
  w.code('model = nn.Sequential(', ['model.hiddenLayers', 'model.activation', 'model.dropout', 'model.batchNorm']);
  let width = features;
  model.hiddenLayers.forEach((hidden, index) => {
    const first = index === 0 ? ['data.dataset'] : [];
    w.code(`    nn.Linear(${width}, ${hidden}),`, ['model.hiddenLayers', ...first]);
    if (model.batchNorm) w.code(`    nn.BatchNorm1d(${hidden}),`, ['model.batchNorm', 'model.hiddenLayers']);
    w.code(`    ${ACTIVATION_CLASS[model.activation]},`, ['model.activation']);
    if (model.dropout > 0) w.code(`    nn.Dropout(p=${pyFloat(model.dropout)}),`, ['model.dropout']);
    width = hidden;
  });
  const outputFields = ['model.hiddenLayers', 'data.dataset', ...(ctx.dataset === 'blobs' || ctx.dataset === 'spiral' ? ['data.classes'] : [])];
  const outputComment = ctx.task === 'classification' ? t.model.logits(outputs) : t.model.prediction;
  w.code(`    nn.Linear(${width}, ${outputs}),  # ${outputComment}`, outputFields);
  w.code(')', ['model.hiddenLayers']);
  w.code('print(model)');
  writeInit(w, ctx);
}

function writeInit(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const { init, initStd, activation } = config.model;
  w.startSection('init', t.sections.init);
  w.comment(t.init.torchRandom, '', ['training.seed']);
  w.for(['model.init'], () => {
    if (init === 'default') {
      w.comment(t.init.default);
      return;
    }
    w.comment(t.init.about[init]);
    const gain = pyString(GAIN_NAME[activation]);
    const weight: Record<Exclude<typeof init, 'default'>, string> = {
      kaimingUniform: `nn.init.kaiming_uniform_(module.weight, nonlinearity=${gain})`,
      kaimingNormal: `nn.init.kaiming_normal_(module.weight, nonlinearity=${gain})`,
      xavierUniform: `nn.init.xavier_uniform_(module.weight, gain=nn.init.calculate_gain(${gain}))`,
      xavierNormal: `nn.init.xavier_normal_(module.weight, gain=nn.init.calculate_gain(${gain}))`,
      zeros: 'nn.init.zeros_(module.weight)',
      normal: `nn.init.normal_(module.weight, mean=0.0, std=${pyFloat(initStd)})`,
    };
    const usesGain = init !== 'zeros' && init !== 'normal';
    w.code('def init_weights(module):');
    w.code('    if isinstance(module, nn.Linear):');
    w.code(`        ${weight[init]}`, usesGain ? ['model.activation'] : init === 'normal' ? ['model.initStd'] : []);
    w.code('        nn.init.zeros_(module.bias)');
    w.blank();
    w.code('model.apply(init_weights)');
  });
}
