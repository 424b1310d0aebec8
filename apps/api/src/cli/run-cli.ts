/**
 * Runs a command's main and exits with its code: 0 all good, 1 what it checked is not (its
 * own report says what), 2 it could not run at all (the message says why).
 */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${name} could not run: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(2);
    },
  );
}
