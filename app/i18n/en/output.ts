/** Messages of the output area (owned by whoever builds app/panels for it). */
export const output = {};
