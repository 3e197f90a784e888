/** Messages of the training area (owned by whoever builds app/panels for it). */
export const training = {};
