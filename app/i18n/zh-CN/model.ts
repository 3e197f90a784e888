import type { Messages } from '../en';

export const model: Messages['model'] = {};
