/** A message of a Server-Sent Events stream, as an EventSource would dispatch it. */
export type SseMessage = {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
  /** When it was received (performance.now()). */
  readonly at: number;
};

/**
 * A Server-Sent Events client over fetch (Node has no EventSource), parsing the stream as the standard says:
 * `event:`, `id:`, `data:` lines, a blank line ends a message, `:` lines are comments.
 */
export function openEventStream(url: string, headers: Record<string, string> = {}) {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const controller = new AbortController();
  let failure: unknown;
  let status = 0;
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };

  const done = (async () => {
    const response = await fetch(url, { headers, signal: controller.signal });
    status = response.status;
    if (!response.ok || !response.body) {
      failure = new Error(`stream answered ${response.status}: ${await response.text()}`);
      return;
    }
    const decoder = new TextDecoder();
    let pending = '';
    let event = 'message';
    let id: string | undefined;
    let data: string[] = [];
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      pending += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        if (line === '') {
          if (data.length > 0) messages.push({ event, id, data: data.join('\n'), at: performance.now() });
          event = 'message';
          data = [];
          continue;
        }
        if (line.startsWith(':')) {
          comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      }
      wake();
    }
  })()
    .catch((error: unknown) => {
      if (!controller.signal.aborted) failure = error;
    })
    .finally(wake);

  return {
    messages,
    comments,
    get status() {
      return status;
    },
    /** Resolves once `condition` holds of the messages so far; rejects if the stream fails first. */
    until(condition: (messages: readonly SseMessage[]) => boolean): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (condition(messages)) {
            waiters.delete(check);
            resolve();
          } else if (failure !== undefined) {
            waiters.delete(check);
            reject(failure instanceof Error ? failure : new Error(String(failure)));
          }
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}
