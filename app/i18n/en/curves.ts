/** Messages of the curves area (owned by whoever builds app/panels for it). */
export const curves = {};
