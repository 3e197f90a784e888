/** Messages of the model area (owned by whoever builds app/panels for it). */
export const model = {};
