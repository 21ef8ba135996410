import 'server-only';
import { after } from 'next/server';

// Work the caller need not wait for runs once the response has gone. Outside a request (a script, or a test
// calling a handler directly) there is no response to wait for, so it runs at once.
export async function afterResponse(label: string, task: () => Promise<void>): Promise<void> {
  const logged = () => task().catch((error: unknown) => console.error(`[${label}] follow-up failed`, error));
  try {
    after(logged);
  } catch {
    await logged();
  }
}
