import { type ChildProcess, fork } from "node:child_process";

/**
 * Forks one of this package's TypeScript modules with Node, read from source as the benchmark
 * itself is, and resolves with it once its first IPC message (`ready`, or a payload) arrives.
 */
export function forkModule<Ready = unknown>(
  module: string,
  args: string[],
  nodeOptions: string[] = [],
): Promise<{ child: ChildProcess; ready: Ready }> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(module, import.meta.url).pathname, args, {
      execArgv: ["--conditions=@plugboard/source", "--import", "tsx", ...nodeOptions],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${module} exited with ${code} before ready`)));
    child.once("message", (ready) => resolve({ child, ready: ready as Ready }));
  });
}

/** SIGKILL, and resolve once the process is gone. */
export async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGKILL");
  await exited;
}

/** Sends `request` and resolves with the child's next message. */
export function ask<Answer>(child: ChildProcess, request: unknown): Promise<Answer> {
  return new Promise((resolve) => {
    child.once("message", (answer) => resolve(answer as Answer));
    child.send(request as never);
  });
}
