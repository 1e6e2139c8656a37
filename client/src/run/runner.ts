// Entry of dist/runner.js: the heavy part of a run (undici, the tokenizer), loaded by the extension only when the
// first run starts, so activation stays light. The same engine executor as the CLI's `run` command.
import {
  executePlan, type ExecutionResult, type RequestPlan, type SecretSource, toCurl,
} from '../../../server/src/engine';
import { toRunView, type RunMeta, type RunView } from './view';

export interface RunOptions {
  secrets: SecretSource;
  /** OpenCX's 60000 unless a development timeout is set. */
  timeoutMs: number;
  allowHttp: boolean;
  /** Extra trusted CA certificates (PEM), e.g. a company CA or the demo's; the system's roots stay trusted. */
  caCertificates: string[];
  /** Decoded body bytes the run keeps (`opencx.run.maxBodyBytes`). */
  maxBodyBytes: number;
  meta: Omit<RunMeta, 'curl'>;
}

export interface RunOutcome {
  result: ExecutionResult;
  view: RunView;
}

/** Sends one plan the way OpenCX does and builds the webview's view of the result. */
export async function runPlan(plan: RequestPlan, options: RunOptions): Promise<RunOutcome> {
  const result = await executePlan(plan, {
    secrets: options.secrets,
    timeoutMs: options.timeoutMs,
    allowHttp: options.allowHttp,
    caCertificates: options.caCertificates,
    maxBodyBytes: options.maxBodyBytes,
  });
  return { result, view: toRunView(result, { ...options.meta, curl: toCurl(plan), plan }) };
}
