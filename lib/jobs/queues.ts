import type { Queue } from 'pg-boss';

// The queues and their retry policy. A failed job is retried with exponential backoff (about 5 s, 10 s, 20 s … capped
// at 10 minutes), then left as failed for an operator to see.
const retry = { retryLimit: 6, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 } as const;

export const MESSAGE_COMPOSE = 'messages.compose';
export const MESSAGE_DELIVER = 'messages.deliver';
export const MESSAGE_SWEEP = 'messages.sweep';

export const QUEUES: Record<string, Omit<Queue, 'name'>> = {
  [MESSAGE_COMPOSE]: { ...retry, expireInSeconds: 120 },
  [MESSAGE_DELIVER]: { ...retry, expireInSeconds: 120 },
  // A sweep that does not finish in time is simply run again by the next tick.
  [MESSAGE_SWEEP]: { retryLimit: 0, expireInSeconds: 300 },
};
