import { temporal } from '@temporalio/proto';
import type { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';

const INDEXED_VALUE_TYPE: Partial<Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType>> = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  TEXT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
};

const GRPC_UNIMPLEMENTED = 12;

/** Custom attributes the namespace has; none known when the server cannot list them (the time-skipping server). */
async function registeredNames(connection: Connection, namespace: string): Promise<Set<string>> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set(Object.keys(existing.customAttributes ?? {}));
  } catch (error) {
    if ((error as { code?: number }).code === GRPC_UNIMPLEMENTED) return new Set();
    throw error;
  }
}

/**
 * Registers the custom search attributes a namespace needs (the dev server gets them as start
 * flags; a real cluster and the time-skipping server through the operator service). Keys that
 * exist already are left alone, so it can run at every deployment.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string, keys: ReadonlyArray<{ name: string; type: SearchAttributeType }>): Promise<string[]> {
  const known = await registeredNames(connection, namespace);
  const missing = keys.filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map((key) => {
        const type = INDEXED_VALUE_TYPE[key.type];
        if (type === undefined) throw new Error(`search attribute ${key.name}: type ${key.type} has no mapping`);
        return [key.name, type];
      }),
    ),
  });
  return missing.map((key) => key.name);
}
