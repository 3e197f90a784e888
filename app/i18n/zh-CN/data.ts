import type { Messages } from '../en';

export const data: Messages['data'] = {};
