// The module's exports: every kernel the engine calls (see engine/wasm/kernels.ts).
export { gemmOuter, gemmDot } from './gemm';
export { adagradStep, adamStep, rmspropStep, sgdStep } from './optim';
export { broadcastRows, columnSums, reluBackward, reluForward } from './elementwise';
export {
  expForward, logSoftmaxBackwardRows, logSoftmaxRows, sigmoidBackward, sigmoidForward,
  softmaxBackwardRows, softmaxRows, tanhBackward, tanhForward,
} from './transcendental';
export { sumSquaredDifferences, sumSquares } from './norms';
