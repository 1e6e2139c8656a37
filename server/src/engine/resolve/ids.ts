import { randomInt, randomUUID } from 'node:crypto';
import type { IdGenerator } from './resolution';

/** Fresh placeholder ids for each plan, as the dashboard's Test button sends fresh ones for each test. */
export const randomIds: IdGenerator = {
  sessionId: () => randomUUID(),
  ticketNumber: () => String(randomInt(1000, 100000)),
};

/** The same ids every time, for tests and for output that must not change between runs. */
export function fixedIds(sessionId = '00000000-0000-4000-8000-000000000000', ticketNumber = '1234'): IdGenerator {
  return { sessionId: () => sessionId, ticketNumber: () => ticketNumber };
}
