// A tiny cookie-keeping HTTP client for the cart benchmarks: one instance is one "device".
export class Device {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookieHeader(), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    this.keep(res);
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const res = await this.request(method, path, body, headers);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  copyCookiesFrom(other: Device) {
    for (const [k, v] of other.cookies) this.cookies.set(k, v);
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export type CartBody = { cart: { version: number; itemCount: number; lines: { variantId: string; quantity: number }[] } };

// A variant that every device can hold at least `need` of.
export async function findSellableVariant(baseUrl: string, need = 2): Promise<string> {
  const probe = new Device(baseUrl);
  const list = (await (await fetch(`${baseUrl}/api/v1/products?pageSize=24`)).json()) as { items: { slug: string; inStock: boolean }[] };
  for (const item of list.items.filter((i) => i.inStock)) {
    const detail = (await (await fetch(`${baseUrl}/api/v1/products/${item.slug}`)).json()) as {
      variants: { id: string; inStock: boolean }[];
    };
    for (const v of detail.variants.filter((x) => x.inStock)) {
      const res = await probe.request('POST', '/api/v1/cart/lines', { variantId: v.id, quantity: need });
      if (res.ok) return v.id;
    }
  }
  throw new Error('no variant with enough stock for the benchmark');
}

// A guest's bag with `lines` in-stock products, for pages that need one (the checkout); returns its cookie.
export async function fillBag(baseUrl: string, lines = 2): Promise<string> {
  const device = new Device(baseUrl);
  const list = (await (await fetch(`${baseUrl}/api/v1/products?pageSize=24`)).json()) as { items: { slug: string; inStock: boolean }[] };
  let added = 0;
  for (const item of list.items.filter((i) => i.inStock)) {
    const detail = (await (await fetch(`${baseUrl}/api/v1/products/${item.slug}`)).json()) as {
      variants: { id: string; inStock: boolean }[];
    };
    const variant = detail.variants.find((v) => v.inStock);
    if (variant && (await device.request('POST', '/api/v1/cart/lines', { variantId: variant.id, quantity: 1 })).ok) added += 1;
    if (added === lines) break;
  }
  const page = await (await device.request('GET', '/checkout')).text();
  if (added < lines || !page.includes('autoComplete="email"')) throw new Error('could not fill a bag for the checkout page');
  return device.cookieHeader();
}
