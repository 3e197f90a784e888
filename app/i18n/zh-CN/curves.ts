import type { Messages } from '../en';

export const curves: Messages['curves'] = {};
