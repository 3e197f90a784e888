/** All tensor ops as functions; `Tensor` methods call these. */
export * from './elementwise';
export * from './activation';
export * from './compare';
export * from './shape';
export * from './join';
export * from './reduce';
export * from './minmax';
export * from './matmul';
export * from './softmax';
export * from './indexing';
