import { fork } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startJiraSimulator } from "@plugboard/provider-simulators/node";
import { formatTable, type Suite } from "./harness";

const cloudIssues = 10_000;
const csvBytes = 50 * 1024 * 1024;

interface ImportMeasurement {
  issues: number;
  comments: number;
  rows: number;
  uploadMs: number;
  importMs: number;
  peakRssMb: number;
}

function runChild(args: string[]): Promise<ImportMeasurement> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./jira-import-child.ts", import.meta.url).pathname, args, {
      execArgv: ["--conditions=@plugboard/source", "--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (message) => resolve(message as ImportMeasurement));
    child.once("exit", (code) => code !== 0 && reject(new Error(`import child exited ${code}`)));
  });
}

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A Jira "all fields" export of about `bytes`, written as it goes (never held in memory). */
async function writeCsv(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  const header = [
    "Summary",
    "Issue key",
    "Issue id",
    "Parent",
    "Issue Type",
    "Status",
    "Priority",
    "Assignee",
    "Assignee Id",
    "Reporter",
    "Reporter Id",
    "Created",
    "Updated",
    "Labels",
    "Labels",
    "Sprint",
    "Description",
    "Custom field (Story point estimate)",
    "Comment",
    "Comment",
    "Comment",
  ];
  out.write(`\uFEFF${header.join(",")}\r\n`);
  const body = 'Steps to reproduce, with a comma; and "quotes".\nSecond line. '.repeat(20);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    n += 1;
    const row = [
      `Orbit task ${n}`,
      `ORB-${n}`,
      String(10_000 + n),
      n > 5 ? String(10_000 + (n % 5) + 1) : "",
      n <= 5 ? "Epic" : "Task",
      ["To Do", "In Progress", "Done"][n % 3] as string,
      "Medium",
      "Ada Lovelace",
      "5b10a2844c20165700ede21g",
      "Grace Hopper",
      "5b10ac8d82e05b22cc7d4ef5",
      "05/Jan/26 9:00 AM",
      "06/Jan/26 10:30 AM",
      "orbit",
      `batch-${n % 7}`,
      "ORB Sprint 1",
      body,
      String(n % 8),
      ...[1, 2, 3].map(
        (c) => `05/Jan/26 9:0${c} AM;5b10a2844c20165700ede21g;Comment ${c}; with a semicolon`,
      ),
    ];
    const line = `${row.map(quote).join(",")}\r\n`;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return n;
}

/** Jira import: 10,000 issues × 3 comments from the fake Jira Cloud, and a 50 MB CSV export. */
export const jiraImport: Suite = {
  name: "Jira import",
  async run() {
    const dir = await mkdtemp(join(tmpdir(), "plugboard-bench-jira-"));
    const jira = await startJiraSimulator({ issues: cloudIssues, commentsPerIssue: () => 3 });
    try {
      const cloud = await runChild(["cloud", jira.origin, join(dir, "cloud.db")]);
      const csvPath = join(dir, "export.csv");
      await writeCsv(csvPath, csvBytes);
      const size = (await stat(csvPath)).size;
      const csv = await runChild(["csv", csvPath, join(dir, "csv.db")]);
      const rate = (count: number, ms: number) =>
        Math.round((count / ms) * 1000).toLocaleString("en-US");
      console.log(
        formatTable(
          ["import", "issues", "comments", "upload (rows/s)", "import (issues/s)", "peak RSS (MB)"],
          [
            [
              `Cloud fake, ${cloudIssues.toLocaleString("en-US")} issues × 3 comments`,
              String(cloud.issues),
              String(cloud.comments),
              "—",
              rate(cloud.issues, cloud.importMs),
              cloud.peakRssMb.toFixed(0),
            ],
            [
              `CSV export, ${(size / 1024 / 1024).toFixed(0)} MB, ${csv.rows.toLocaleString("en-US")} rows`,
              String(csv.issues),
              String(csv.comments),
              rate(csv.rows, csv.uploadMs),
              rate(csv.issues, csv.importMs),
              csv.peakRssMb.toFixed(0),
            ],
          ],
        ),
      );
      console.log(
        "\nTarget: peak RSS under 300 MB (streamed: pages of 100, CSV rows stored as read).",
      );
    } finally {
      await jira.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
