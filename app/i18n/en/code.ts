/** Messages of the code area (owned by whoever builds app/panels for it). */
export const code = {};
