import type { Messages } from '../en';

export const training: Messages['training'] = {};
