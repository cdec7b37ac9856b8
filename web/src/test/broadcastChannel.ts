/**
 * A stand-in for the browser's BroadcastChannel: like the real one, a message posted on one channel reaches every
 * other open channel of the same name (here at once, not a task later, unless `hold` keeps messages in flight until
 * `release`), never the one it was posted on. `post` says something as another tab would.
 */
export class FakeBroadcastChannel {
  private static open = new Set<FakeBroadcastChannel>();
  private static inFlight: (() => void)[] | undefined;
  readonly name: string;
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(name: string) {
    this.name = name;
    FakeBroadcastChannel.open.add(this);
  }
  postMessage(data: unknown) {
    FakeBroadcastChannel.deliver(this.name, data, this);
  }
  close() {
    FakeBroadcastChannel.open.delete(this);
  }
  /** What another tab says on channel `name`. */
  static post(name: string, data: unknown) {
    FakeBroadcastChannel.deliver(name, data, undefined);
  }
  /** How many channels named `name` are open (not closed yet). */
  static openCount(name: string) {
    return [...FakeBroadcastChannel.open].filter((channel) => channel.name === name).length;
  }
  static reset() {
    FakeBroadcastChannel.open.clear();
    FakeBroadcastChannel.inFlight = undefined;
  }
  /** Keeps every message posted from now on in flight, as between two tabs that post at the same moment. */
  static hold() {
    FakeBroadcastChannel.inFlight ??= [];
  }
  /** Delivers what was held, in the order it was posted, and delivers at once again. */
  static release() {
    const held = FakeBroadcastChannel.inFlight ?? [];
    FakeBroadcastChannel.inFlight = undefined;
    held.forEach((deliver) => deliver());
  }
  private static deliver(name: string, data: unknown, from: FakeBroadcastChannel | undefined) {
    if (FakeBroadcastChannel.inFlight) {
      FakeBroadcastChannel.inFlight.push(() => FakeBroadcastChannel.deliver(name, data, from));
      return;
    }
    for (const channel of [...FakeBroadcastChannel.open]) {
      if (channel !== from && channel.name === name) channel.onmessage?.(new MessageEvent('message', { data }));
    }
  }
}
