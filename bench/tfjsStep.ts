/**
 * The workloads in TensorFlow.js, written the way a TF.js user would: variables, tf.matMul + bias,
 * tf.losses.softmaxCrossEntropy on one-hot labels, and optimizer.minimize. Given the loaded tf,
 * so that Node (bench/tfjs.ts) and the Chromium worker (bench/browser/worker.ts) run the same code.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { makeBatches, initialWeights, type Workload } from './workloads';

type Tf = typeof TfCore;

/** One training step of `w` on tf's current backend, and a dispose for its tensors. */
export function makeTfjsStepWith(tf: Tf, w: Workload): { step: () => void; dispose: () => void } {
  const classes = w.layers[w.layers.length - 1];
  const batches = makeBatches(w).map((b) => ({
    x: tf.tensor2d(b.inputs, [w.batchSize, w.layers[0]]),
    y: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(b.labels, 'int32'), classes), 'float32')),
  }));
  // TF.js dense kernels are [in, out]; transpose our [out, in] weights once.
  const layers = initialWeights(w).map((p, l) => ({
    kernel: tf.variable(tf.transpose(tf.tensor2d(p.weight, [w.layers[l + 1], w.layers[l]]))),
    bias: tf.variable(tf.tensor1d(p.bias)),
  }));
  const variables = layers.flatMap((l) => [l.kernel, l.bias]);
  const optimizer = w.optimizer === 'sgd' ? tf.train.sgd(w.learningRate) : tf.train.adam(w.learningRate);
  const activation = w.activation === 'tanh' ? tf.tanh : tf.relu;
  let next = 0;
  const step = (): void => {
    const batch = batches[next];
    next = (next + 1) % batches.length;
    tf.tidy(() => {
      optimizer.minimize(
        () => {
          let h = batch.x;
          layers.forEach((layer, l) => {
            h = tf.add(tf.matMul(h, layer.kernel), layer.bias);
            if (l + 1 < layers.length) h = activation(h);
          });
          return tf.losses.softmaxCrossEntropy(batch.y, h) as import('@tensorflow/tfjs-core').Scalar;
        },
        false,
        variables,
      );
    });
  };
  const dispose = (): void => {
    optimizer.dispose();
    for (const b of batches) tf.dispose([b.x, b.y]);
    tf.dispose(variables);
  };
  return { step, dispose };
}
