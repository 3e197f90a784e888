/**
 * The activation functions of `nn.functional`: the engine's ops of the same names (each one graph
 * node with its derivative beside it, in engine/ops), gathered here under PyTorch's F names.
 */
export { relu, tanh, sigmoid, softmax, logSoftmax, leakyRelu, elu, gelu, silu, softplus } from '../../ops';

/** `F.gelu`'s `approximate`: the exact x·Φ(x) ('none') or PyTorch's tanh formula. */
export type GeluApproximate = 'none' | 'tanh';
