// What stopping a server runs, in order, so a balancer sees it leave before anyone is cut off:
//   1. readiness answers 503 (`draining`), so balancers stop sending new requests;
//   2. `onShutdown` hooks run at once: long-lived responses (live-sync streams) end now, since
//      they would otherwise hold the drain open until the deadline;
//   3. after SHUTDOWN_DELAY_SECONDS the listener stops accepting; keep-alive responses carry
//      `Connection: close`; in-flight requests finish, for up to SHUTDOWN_GRACE_SECONDS;
//   4. then the caller closes services and the pool.
export type ShutdownHook = () => void | Promise<void>;

export class ShutdownHooks {
  readonly #hooks: ShutdownHook[] = [];
  #draining = false;

  /** Registers `hook` to run when shutdown begins (before in-flight requests are awaited). */
  add(hook: ShutdownHook): void {
    this.#hooks.push(hook);
  }

  /** True from the moment shutdown begins: readiness reports 503. */
  get draining(): boolean {
    return this.#draining;
  }

  /** Marks the server draining and runs every hook; a failing hook does not stop the others. */
  async begin(onError: (error: unknown) => void): Promise<void> {
    this.#draining = true;
    await Promise.all(
      this.#hooks.map(async (hook) => {
        try {
          await hook();
        } catch (error) {
          onError(error);
        }
      }),
    );
  }
}
