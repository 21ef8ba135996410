import { describeHost } from '../../prisma/tools/errors';

// Tests create and drop databases: never let them near a server that is not this machine.
export function assertLocalDatabase(url: string): void {
  const { host, local } = describeHost(url);
  if (!local) {
    throw new Error(
      `Refusing to run tests against the database host "${host}": tests create and drop databases, so DATABASE_URL must point at localhost or 127.0.0.1.`,
    );
  }
}
