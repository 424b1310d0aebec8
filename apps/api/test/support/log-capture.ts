import type { DestinationStream } from 'pino';

export type LogRecord = Record<string, unknown> & { reqId?: string; message?: string; context?: string };

/** Receives the API's JSON log lines (startStack({ logs })) so that a test can read them. */
export class LogCapture implements DestinationStream {
  readonly lines: string[] = [];
  private waiters: (() => boolean)[] = [];

  write(line: string): void {
    this.lines.push(line);
    this.waiters = this.waiters.filter((settled) => !settled());
  }

  records(): LogRecord[] {
    return this.lines.map((line) => JSON.parse(line) as LogRecord);
  }

  text(): string {
    return this.lines.join('');
  }

  /**
   * The first record that matches, once written: the access log line is written when the
   * response has been sent, which may be just after the client has read it.
   */
  waitFor(what: string, matches: (record: LogRecord) => boolean, timeoutMs = 5_000): Promise<LogRecord> {
    return new Promise((resolve, reject) => {
      const find = () => this.records().find(matches);
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== settle);
        reject(new Error(`no log line for ${what} after ${timeoutMs} ms; got:\n${this.text()}`));
      }, timeoutMs);
      const settle = () => {
        const record = find();
        if (!record) return false;
        clearTimeout(timer);
        resolve(record);
        return true;
      };
      if (!settle()) this.waiters.push(settle);
    });
  }
}
