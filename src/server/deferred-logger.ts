// A request's child logger, made only when something is logged. A pino child serializes its bindings
// when it is made (a few microseconds); most requests log nothing, yet each needs a logger that
// would carry its request id, account and operation if it did.
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';

class DeferredLogger {
  #child: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly ownBindings: Bindings,
    private readonly options: ChildLoggerOptions | undefined,
  ) {}

  private get real(): Logger {
    return (this.#child ??= this.parent.child(this.ownBindings, this.options));
  }

  get level(): string {
    return this.#child?.level ?? this.options?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real.level = level;
  }

  isLevelEnabled(level: string): boolean {
    if (this.#child === undefined && this.options?.level === undefined) return this.parent.isLevelEnabled(level);
    return this.real.isLevelEnabled(level);
  }

  bindings(): Bindings {
    return this.real.bindings();
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.real.child(bindings, options);
  }

  fatal(...args: Parameters<Logger['fatal']>): void {
    if (this.isLevelEnabled('fatal')) this.real.fatal(...args);
  }

  error(...args: Parameters<Logger['error']>): void {
    if (this.isLevelEnabled('error')) this.real.error(...args);
  }

  warn(...args: Parameters<Logger['warn']>): void {
    if (this.isLevelEnabled('warn')) this.real.warn(...args);
  }

  info(...args: Parameters<Logger['info']>): void {
    if (this.isLevelEnabled('info')) this.real.info(...args);
  }

  debug(...args: Parameters<Logger['debug']>): void {
    if (this.isLevelEnabled('debug')) this.real.debug(...args);
  }

  trace(...args: Parameters<Logger['trace']>): void {
    if (this.isLevelEnabled('trace')) this.real.trace(...args);
  }

  silent(): void {}
}

/**
 * `parent.child(bindings, options)`, deferred until first used. It offers what the server and
 * Fastify call on a request logger (the levels, child, bindings, level, isLevelEnabled).
 */
export function deferredChild(parent: Logger, bindings: Bindings, options?: ChildLoggerOptions): Logger {
  return new DeferredLogger(parent, bindings, options) as unknown as Logger;
}
