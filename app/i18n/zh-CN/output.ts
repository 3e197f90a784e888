import type { Messages } from '../en';

export const output: Messages['output'] = {};
