import pg from 'pg';
import type { LocalBus } from './bus';

// Every instance LISTENs on one Postgres channel and fans notifications out to its local bus,
// so a change made through any instance reaches streams held by every other instance.
const PG_CHANNEL = 'app_events';
const MAX_PAYLOAD = 7900; // NOTIFY payloads are capped at 8000 bytes

export class PostgresRelay {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private publisher: pg.Pool;

  constructor(
    private url: string,
    private bus: LocalBus,
  ) {
    this.publisher = new pg.Pool({ connectionString: url, max: 2 });
  }

  start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel !== PG_CHANNEL || !msg.payload) return;
      try {
        const { channel, payload } = JSON.parse(msg.payload) as { channel: string; payload: unknown };
        this.bus.emit(channel, payload);
      } catch (error) {
        console.error('[events] bad notification payload', error);
      }
    });
    client.on('error', (error) => {
      console.error('[events] listener connection lost; reconnecting', error);
      this.client = null;
      this.connecting = null;
      setTimeout(() => void this.start().catch((e) => console.error('[events] reconnect failed', e)), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${PG_CHANNEL}`);
    this.client = client;
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    const text = JSON.stringify({ channel, payload });
    if (Buffer.byteLength(text) > MAX_PAYLOAD) throw new Error(`event on ${channel} is too large for NOTIFY`);
    await this.start();
    await this.publisher.query('SELECT pg_notify($1, $2)', [PG_CHANNEL, text]);
  }

  async close(): Promise<void> {
    await this.client?.end();
    await this.publisher.end();
  }
}
