/**
 * Reading experiments saved by older versions of the app (a shared link lives for years).
 * When `CONFIG_VERSION` goes up, add `MIGRATIONS[old]`: it turns a version-`old` object into a
 * version-`old + 1` one (rename keys, convert units); migrations chain up to the current version.
 * A missing `version` is read as the current one: a hand-written partial experiment
 * (`{"optimizer": {"lr": 0.1}}`) should just work.
 */
import { ErrorList } from './errors';
import { formatValue } from './spec';
import { hasOwn } from './table';
import { CONFIG_VERSION } from './types';

type Migration = (older: Record<string, unknown>) => Record<string, unknown>;

/** The first version ever written; anything below is not an experiment of ours. */
export const OLDEST_VERSION = 1;

const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** The experiment lifted to `CONFIG_VERSION`, reporting a bad, missing or too new `version`. */
export function migrate(raw: Record<string, unknown>, errors: ErrorList): Record<string, unknown> {
  if (!hasOwn(raw, 'version')) {
    errors.add({ path: 'version', code: 'missing', message: `version is missing; expected ${CONFIG_VERSION}` });
    return raw;
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION) {
    const got = formatValue(version);
    const allowed = OLDEST_VERSION === CONFIG_VERSION ? `${CONFIG_VERSION}` : `an integer from ${OLDEST_VERSION} to ${CONFIG_VERSION}`;
    errors.add({ path: 'version', code: 'invalid', message: `version must be ${allowed}; got ${got}`, got });
    return raw;
  }
  if (version > CONFIG_VERSION) {
    errors.add({
      path: 'version',
      code: 'version',
      message: `version ${version} was written by a newer app; this one reads version ${CONFIG_VERSION}, so only the settings it knows were kept`,
      got: String(version),
    });
    return raw;
  }
  let current = raw;
  for (let from = version; from < CONFIG_VERSION; from++) current = MIGRATIONS[from](current);
  return current;
}
