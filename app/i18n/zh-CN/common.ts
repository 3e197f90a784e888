import type { Messages } from '../en';

export const common: Messages['common'] = {
  appName: '训练游乐场',
  tagline: '训练一个神经网络，看着它学习。',
  language: '语言',
  play: '开始',
  pause: '暂停',
  step: '单步',
  stepEpoch: '运行一个轮次',
  reset: '重置',
  share: '分享',
  linkCopied: '链接已复制',
  dismiss: '关闭',
  engineBackend: (backend: string) => `网络在 Web Worker 中训练，矩阵乘法使用 ${backend}。`,
  backendNames: {
    'wasm-relaxed-simd': 'WebAssembly SIMD（relaxed SIMD，融合乘加）',
    'wasm-simd': 'WebAssembly SIMD',
    js: '普通 JavaScript（此浏览器不支持 WebAssembly SIMD）',
  },
  tryAgain: '重试',
  slider: (label) => `${label}（滑块）`,
  // a space between 关于 and a Latin name (关于 AMSGrad), as elsewhere in the Chinese text
  about: (subject) => `关于${/^[A-Za-z0-9]/.test(subject) ? ' ' : ''}${subject}`,
};
