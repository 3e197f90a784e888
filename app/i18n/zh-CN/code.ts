import type { Messages } from '../en';

export const code: Messages['code'] = {};
