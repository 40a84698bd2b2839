/**
 * Typed access to action inputs, read by @actions/core's `getInput` (trimmed). Every accessor
 * names the input when it refuses a value (`InputError`, not core's plain Error), and nothing
 * here has side effects, so `getInputs()` of an action can validate everything before anything
 * is sent anywhere. `bool` accepts what core's `getBooleanInput` accepts (the YAML booleans)
 * but refuses with an `InputError` that names the input and says what to write.
 */
import { getInput } from '@actions/core';
import { InputError } from './errors.js';
import {
  parseBool,
  parseDuration,
  parseEnum,
  parseInt10,
  parseList,
  parsePercent,
  parseToken,
  parseUrl,
} from './parse.js';
import { addSecret } from './secrets.js';

/** The raw value, trimmed; '' when not set. */
export function raw(name: string): string {
  return getInput(name);
}

export function required(name: string, hint?: string): string {
  const value = raw(name);
  if (!value) throw InputError.missing(name, hint);
  return value;
}

export function optional(name: string): string | undefined {
  return raw(name) || undefined;
}

export function bool(name: string, fallback = false): boolean {
  const value = raw(name);
  return value ? parseBool(name, value) : fallback;
}

export function list(name: string): string[] {
  return parseList(raw(name));
}

export function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(name);
  return value ? parseEnum(name, value, allowed) : fallback;
}

export function int(name: string, fallback: number, bounds?: { min?: number; max?: number }): number {
  const value = raw(name);
  return value ? parseInt10(name, value, bounds) : fallback;
}

/** Milliseconds. */
export function duration(name: string, fallback: string): number {
  return parseDuration(name, raw(name) || fallback);
}

/** A fraction (5% -> 0.05); undefined when not set and no fallback. */
export function percent(name: string, fallback?: string): number | undefined {
  const value = raw(name) || fallback;
  return value ? parsePercent(name, value) : undefined;
}

export function url(name: string): URL | undefined {
  const value = raw(name);
  return value ? parseUrl(name, value) : undefined;
}

/**
 * A secret input, registered for masking before anything else can print it. Credentials in
 * the environment are the publishers' to resolve (release/publish-target resolveToken).
 */
export function secret(name: string): string | undefined {
  const value = raw(name);
  if (!value) return undefined;
  addSecret(value);
  return parseToken(name, value);
}
