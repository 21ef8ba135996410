// Messages are sent by the job queue's workers (lib/jobs). A test that reads the outbox first runs every job that is
// due, through the workers' own handlers: deterministic, with no polling interval to sleep through.
export async function deliverMessages(): Promise<number> {
  const { drainQueues } = await import('@/lib/jobs/worker');
  return drainQueues();
}
