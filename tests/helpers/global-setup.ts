import { prepareTestTemplate } from './db';

// Builds the migrated template once, before the test files start in parallel.
export default async function setup(): Promise<void> {
  await prepareTestTemplate();
}
