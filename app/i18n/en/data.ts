/** Messages of the data area (owned by whoever builds app/panels for it). */
export const data = {};
