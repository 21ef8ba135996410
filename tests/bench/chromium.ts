import { existsSync } from 'node:fs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string =>
    Boolean(p && existsSync(p)),
  );
}

export function chromiumLaunchOptions() {
  const path = chromiumPath();
  return { ...(path ? { executablePath: path } : {}), args: chromiumArgs };
}
