import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };

// `npm run worker` composes e-mails outside Next, under tsx. React Email renders with react-dom/server, which refuses
// to load under the `react-server` condition: this runs the worker's exact command line on a probe instead.
describe('npm run worker', () => {
  it('renders React Email templates with the options the worker script runs with', async () => {
    const [bin, ...args] = scripts.worker!.split(/\s+/);
    expect(bin).toBe('tsx');
    expect(args.at(-1)).toBe('scripts/worker.ts');
    const probe = [...args.slice(0, -1), 'tests/unit/notifications/worker-probe.ts'];
    const { stdout } = await promisify(execFile)(new URL('node_modules/.bin/tsx', root).pathname, probe, {
      cwd: root.pathname,
      env: { ...process.env, NODE_OPTIONS: '' },
    }).catch((error: { stderr?: string }) => {
      throw new Error(`the probe failed: ${String(error.stderr).slice(-1500)}`);
    });
    const mail = JSON.parse(stdout.trim().split('\n').at(-1)!) as { subject: string; html: string };
    expect(mail.subject).toBe('Order NW-1 is ready to collect at Camden');
    expect(mail.html).toContain('alt="QR code for pickup code ABC234"');
  }, 60_000);
});
