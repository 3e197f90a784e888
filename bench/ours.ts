/**
 * Our side of the benchmark, written exactly as a user of the engine would write it:
 * nn.Sequential of nn.Linear and activations, nn.CrossEntropyLoss, optim.SGD / optim.Adam, each
 * step in a stepScope (its op arrays reused from the arena, as the trainer runs it).
 */
import { tensor, nn, optim, stepScope, type Tensor } from '../engine';
import { makeBatches, initialWeights, type Workload } from './workloads';

export function makeOurStep(w: Workload): () => void {
  const layers: nn.Module[] = [];
  const linears: nn.Linear[] = [];
  for (let l = 0; l + 1 < w.layers.length; l++) {
    const linear = new nn.Linear(w.layers[l], w.layers[l + 1]);
    linears.push(linear);
    layers.push(linear);
    if (l + 2 < w.layers.length) layers.push(w.activation === 'tanh' ? new nn.Tanh() : new nn.ReLU());
  }
  // The same starting weights as the other frameworks get.
  initialWeights(w).forEach((p, l) => {
    linears[l].weight.data.set(p.weight);
    linears[l].bias!.data.set(p.bias);
  });
  const model = new nn.Sequential(...layers);
  const lossFn = new nn.CrossEntropyLoss();
  const optimizer =
    w.optimizer === 'sgd'
      ? new optim.SGD(model.parameters(), { lr: w.learningRate })
      : new optim.Adam(model.parameters(), { lr: w.learningRate });

  const batches: { x: Tensor; y: Tensor }[] = makeBatches(w).map((b) => ({
    x: tensor(b.inputs, { shape: [w.batchSize, w.layers[0]] }),
    y: tensor(Float32Array.from(b.labels), { shape: [w.batchSize] }),
  }));
  let next = 0;
  return () => {
    const { x, y } = batches[next];
    next = (next + 1) % batches.length;
    stepScope(() => {
      optimizer.zeroGrad({ setToNone: false }); // torch 1.13's zero_grad(), as bench/torch_bench.py runs it
      const loss = lossFn.forward(model.forward(x), y);
      loss.backward();
      optimizer.step();
    });
  };
}
