/**
 * `nn.functional` (PyTorch's `torch.nn.functional`, usually imported as `F`): the stateless
 * functions behind the modules. `import { nn } from '../engine'; nn.functional.crossEntropy(...)`.
 */
export { linear } from '../../ops';
export { relu, tanh, sigmoid, softmax, logSoftmax, leakyRelu, elu, gelu, silu, softplus } from './activation';
export type { GeluApproximate } from './activation';
export { dropout } from './dropout';
export { layerNorm, batchNorm } from './normalization';
export type { LayerNormOptions, BatchNormOptions } from './normalization';
export { embedding } from './embedding';
export { mseLoss, l1Loss, huberLoss, smoothL1Loss } from './regression';
export type { RegressionLossOptions } from './regression';
export { nllLoss, crossEntropy } from './crossEntropy';
export type { NllLossOptions, CrossEntropyOptions } from './crossEntropy';
export { binaryCrossEntropy, binaryCrossEntropyWithLogits } from './binary';
export type { BinaryCrossEntropyOptions, BinaryCrossEntropyWithLogitsOptions } from './binary';
export type { Reduction } from './reduction';
