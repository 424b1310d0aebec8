import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { TooManyAnswersException } from './questionnaires.exception';

const WINDOW_MS = 60_000;
/** Addresses remembered at most; beyond, the oldest window's entries are dropped first. */
const MAX_ENTRIES = 50_000;

/**
 * Public answers per client address and minute, counted in this process's memory: the
 * address is personal data and the issue asks that none be stored, so it is never written,
 * and forgotten at the end of its minute. Several API processes each count their own (a
 * client spread over N processes gets N budgets; docs/questionnaires.md says so).
 */
@Injectable()
export class AnswerLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Counts one answer from this address, or refuses it with 429 and Retry-After. */
  consume(address: string, now = Date.now()): void {
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts = new Map();
    }
    const count = (this.counts.get(address) ?? 0) + 1;
    if (count > this.config.PUBLIC_ANSWERS_PER_MINUTE) {
      throw new TooManyAnswersException(Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)));
    }
    if (this.counts.size >= MAX_ENTRIES && !this.counts.has(address)) {
      // A flood of addresses cannot grow the map without bound: the first one seen is forgotten.
      const first = this.counts.keys().next().value;
      if (first !== undefined) this.counts.delete(first);
    }
    this.counts.set(address, count);
  }
}
