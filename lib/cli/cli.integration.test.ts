import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findActiveToken } from "../auth/data.ts";
import { startEmbeddedPostgres } from "../db/embedded.ts";

/** Runs the real CLI (`tsx lib/cli/main.ts`) as `npm run cli --` would. */
function cli(args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/cli/main.ts", ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const email = () => `cli-${randomUUID().slice(0, 8)}@test.constancia.org`;

describe("CLI against DATABASE_URL", () => {
  it("adds a user and creates a token printed alone on the last line, which then authenticates", async () => {
    const address = email();
    const add = await cli(["user", "add", "--email", address, "--role", "moderator", "--password", "long enough pw"]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain(`created moderator ${address}`);

    const token = await cli(["token", "create", "--email", address, "--name", "nightly"]);
    expect(token.code, token.stderr).toBe(0);
    const lastLine = token.stdout.trimEnd().split("\n").at(-1)!;
    expect(lastLine).toMatch(/^cst_[A-Za-z0-9_-]{43}$/);
    const found = await findActiveToken(lastLine);
    expect(found?.user.email).toBe(address);
    expect(found?.user.role).toBe("moderator");
  });

  it("generates and prints a password when none is given", async () => {
    const result = await cli(["user", "add", "--email", email(), "--role", "volunteer"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/password: \S{12,}/);
  });

  it.each([
    [["user", "add", "--email", "x@test.org", "--role", "superuser"], /Role must be one of volunteer, moderator, admin/, 2],
    [["user", "add", "--role", "volunteer"], /--email is required/, 2],
    [["user", "add", "--email", "not-an-email", "--role", "volunteer"], /Not a valid e-mail address/, 2],
    [["user", "add", "--email", "a@test.org", "--role", "admin", "--password", "short"], /at least 10 characters/, 2],
    [["token", "create", "--email", "nobody-here@test.org"], /No user with the e-mail nobody-here@test\.org/, 2],
    [["user", "add", "--email", "a@test.org", "--role", "volunteer", "--bogus", "1"], /Unknown option '--bogus'/, 2],
    [["frobnicate"], /Unknown command "frobnicate"/, 2],
  ])("refuses %j with a clear message and a non-zero exit", async (args, message, code) => {
    const result = await cli(args as string[]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message as RegExp);
  });

  it("refuses a duplicate e-mail", async () => {
    const address = email();
    expect((await cli(["user", "add", "--email", address, "--role", "volunteer"])).code).toBe(0);
    const again = await cli(["user", "add", "--email", address, "--role", "admin"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`A user with the e-mail ${address} already exists`);
  });

  it("invites someone on an admin's behalf and prints the link last", async () => {
    const admin = email();
    expect((await cli(["user", "add", "--email", admin, "--role", "admin"])).code).toBe(0);
    const invited = email();
    const result = await cli(["user", "invite", "--email", invited, "--role", "volunteer", "--by", admin]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toMatch(/^http:\/\/localhost:\d+\/invitacion\/[A-Za-z0-9_-]{32}$/);
    const notAdmin = await cli(["user", "invite", "--email", email(), "--role", "volunteer", "--by", invited]);
    expect(notAdmin.code).toBe(2);
  });

  it("verifies the audit chain", async () => {
    const result = await cli(["audit", "verify"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/audit chain intact: \d+ events/);
  });
});

describe("CLI with the embedded database", () => {
  it("uses a running instance's database, and starts (then stops) its own when none runs", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "constancia-cli-"));
    const env = { DATABASE_URL: undefined, CONSTANCIA_DATA_DIR: dataDir };
    try {
      // No server running: the CLI starts the embedded database itself, migrates it, and stops it.
      const address = email();
      const first = await cli(["user", "add", "--email", address, "--role", "admin"], env);
      expect(first.code, first.stderr).toBe(0);
      await expect(fs.access(path.join(dataDir, "runtime.json"))).rejects.toThrow();

      // A server is up (this process owns it, as `npm start` would): the CLI uses its database.
      const server = await startEmbeddedPostgres({ dataDir });
      try {
        const token = await cli(["token", "create", "--email", address], env);
        expect(token.code, token.stderr).toBe(0);
        expect(token.stdout.trimEnd().split("\n").at(-1)).toMatch(/^cst_/);
        const list = await cli(["user", "list"], env);
        expect(list.stdout).toContain(address);
      } finally {
        await server.stop();
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
