/** Target settings from action inputs, parsed by the same table as the config file. */
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseBool, parseEnum, parseInt10, parseList, parseUrl } from '@deploy-actions/action-kit/parse';
import {
  TARGET_SETTINGS,
  type SettingSpec,
  type SettingValue,
  type TargetSettings,
  type TargetType,
} from './targets.js';

export function parseSetting(name: string, raw: string, spec: SettingSpec): SettingValue {
  const kind = spec.kind;
  if (Array.isArray(kind)) return parseEnum(name, raw, kind);
  switch (kind) {
    case 'bool':
      return parseBool(name, raw);
    case 'int':
      return parseInt10(name, raw, { min: 0 });
    case 'list':
      return parseList(raw);
    case 'url':
      if (spec.aliases?.includes(raw.trim())) return raw.trim();
      return parseUrl(name, raw).toString();
    case 'path':
      if (raw.includes('\0')) throw InputError.bad(name, raw, 'contains a NUL character');
      return raw;
    default:
      return raw;
  }
}

/**
 * Settings of a target type from raw values (action inputs): `base` (from the config file, or
 * the defaults) overridden by every non-empty value.
 */
export function settingsFromInputs(
  type: TargetType,
  read: (name: string) => string,
  base?: TargetSettings,
): TargetSettings {
  const specs = TARGET_SETTINGS[type];
  const settings: TargetSettings = { ...base };
  for (const [name, spec] of Object.entries(specs)) {
    const raw = read(name);
    if (raw) settings[name] = parseSetting(name, raw, spec);
    else if (settings[name] === undefined && spec.default !== undefined) settings[name] = spec.default;
    if (spec.required && settings[name] === undefined) throw InputError.missing(name);
  }
  return settings;
}
