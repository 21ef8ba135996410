// Channel → listeners, in this process. A Map of Sets rather than an EventEmitter: thousands of
// open streams each listen on their own channel, and a listener throwing must not stop the others.
export type EventListener = (payload: unknown) => void;

export class LocalBus {
  private channels = new Map<string, Set<EventListener>>();

  subscribe(channel: string, listener: EventListener): () => void {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.channels.get(channel) === set) this.channels.delete(channel);
    };
  }

  emit(channel: string, payload: unknown): void {
    for (const listener of this.channels.get(channel) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`[events] listener on ${channel} failed`, error);
      }
    }
  }

  listenerCount(channel?: string): number {
    if (channel) return this.channels.get(channel)?.size ?? 0;
    let n = 0;
    for (const set of this.channels.values()) n += set.size;
    return n;
  }
}
