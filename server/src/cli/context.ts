/** What a CLI command needs from the process, passed in so commands can be run in tests without spawning. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  tool: { name: string; version: string; informationUri: string };
}
