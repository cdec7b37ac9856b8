/**
 * A stand-in for the browser's EventSource (jsdom has none): the test says what the server streams with `emit` (and
 * breaks it by calling `onerror`), and can see whether the app closed it. `last` is the one made most recently.
 */
export class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly url: string;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data: unknown) {
    for (const l of this.listeners.get(name) ?? []) l(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

/** The fake as the type the app expects. */
export const fakeEventSource = FakeEventSource as unknown as typeof EventSource;
