// The store associate's side of the staff bench, over HTTP: signing in, the queue's event stream, the JSON API.

// Auth.js's own sign-in (CSRF token, then the credentials callback), as the sign-in form posts it; the cookies back.
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/staff` }).toString(),
    redirect: 'manual',
  });
  keep(res);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k.endsWith('authjs.session-token'))) throw new Error(`could not sign in as ${email}`);
  return header();
}

// Reads the store's event stream and calls `onEvent` with each `event: pickup`'s order id; resolves once connected.
export async function followQueue(
  baseUrl: string,
  storeId: string,
  cookie: string,
  onEvent: (orderId: string) => void,
  signal: AbortSignal,
) {
  const res = await fetch(`${baseUrl}/api/v1/staff/stores/${storeId}/events`, { headers: { cookie, accept: 'text/event-stream' }, signal });
  if (res.status !== 200 || !res.body) throw new Error(`staff events: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: pickup') && data) onEvent((JSON.parse(data.slice(6)) as { orderId: string }).orderId);
        }
      }
    } catch {
      // aborted
    }
  })();
}

export async function staffJson<T>(baseUrl: string, cookie: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', 'accept-encoding': 'gzip' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
