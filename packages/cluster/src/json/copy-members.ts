// Shallow copies of decoded JSON objects built member by member, for the write path's hot spots.
//
// `{ ...object, metadata }` over objects of many shapes makes V8 create a fresh hidden class on nearly every
// call (the spread's result map is a copy outside the transition tree), which showed as several percent of
// the API server's CPU in map allocation alone; adding members one by one follows cached transitions.
import { setOwnMember } from '@aviary/kube';

/** A shallow copy of `source` with `replace`'s members set (in `source`'s order, new ones appended). */
export function copyMembers<T extends object>(source: T, replace?: Readonly<Record<string, unknown>>): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) setOwnMember(copy, key, (source as Record<string, unknown>)[key]);
  if (replace !== undefined) for (const key of Object.keys(replace)) setOwnMember(copy, key, replace[key]);
  return copy as T;
}

/** A shallow copy of `source` without the member `omit`. */
export function copyMembersExcept<T extends object>(source: T, omit: string): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (key !== omit) setOwnMember(copy, key, (source as Record<string, unknown>)[key]);
  return copy as T;
}
