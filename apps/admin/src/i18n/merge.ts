type Messages = { [key: string]: string | Messages };

const isObject = (value: unknown): value is Messages =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A catalogue with a capability's own messages merged in, key by key (nested objects merged,
 * strings of `extra` win): each capability keeps its messages beside its code.
 */
export function mergeMessages<A extends object, B extends object>(base: A, extra: B): A & B {
  const result: Messages = { ...(base as Messages) };
  for (const [key, value] of Object.entries(extra as Messages)) {
    const current = result[key];
    result[key] = isObject(current) && isObject(value) ? mergeMessages(current, value) : value;
  }
  return result as A & B;
}
