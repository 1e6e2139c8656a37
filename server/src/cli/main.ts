// The `opencx-actions` executable: runs one command line in this process (the commands live in cli.ts).
import pkg from '../../../package.json';
import { runCli } from './cli';

/**
 * A reader that stops early (`lint … | head -1`) closes the pipe: what is left to write is dropped, and the
 * process ends with its own exit code instead of an EPIPE stack.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

if (require.main === module) {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    tool: { name: 'opencx-actions', version: pkg.version, informationUri: pkg.repository.url },
  }).then((code) => {
    process.exitCode = code;
  });
}
