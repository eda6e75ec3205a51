// Playwright's web server: a fresh data folder, a real SMTP listener writing what it
// receives to a mailbox file, then the portal exactly as `npm start` runs it.
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { databaseUrlOn, onCluster } from "../../tests/postgresql";
import { startGeoStandIn } from "./geo-stand-in";
import { E2E_DATABASE_URL, E2E_DATA_DIR, E2E_DIR, E2E_MAILBOX, E2E_PORT, E2E_URL } from "./paths";

rmSync(E2E_DIR, { recursive: true, force: true });
mkdirSync(E2E_DATA_DIR, { recursive: true });
if (E2E_DATABASE_URL.startsWith("postgres")) await recreatePostgresqlDatabase(E2E_DATABASE_URL);

/** A fresh run on PostgreSQL: the named database dropped and created again (from the server's postgres database). */
async function recreatePostgresqlDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`Nom de base inattendu pour les parcours : ${name}`);
  await onCluster(databaseUrlOn(url, "postgres"), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", async () => {
      const parsed = await simpleParser(Buffer.concat(chunks));
      const attachments = parsed.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content.toString("base64"),
      }));
      appendFileSync(
        E2E_MAILBOX,
        `${JSON.stringify({ to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject, text: parsed.text, html: parsed.html || null, attachments, headers: Object.fromEntries(parsed.headerLines.map((h) => [h.key, h.line])), listUnsubscribe: parsed.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? null, receivedAt: Date.now() })}\n`,
      );
      callback();
    });
  },
});

// The geocoder and the map's tiles: a stand-in, never the network.
const geo = await startGeoStandIn();

smtp.listen(0, "127.0.0.1", () => {
  const address = smtp.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      // Its own build folder: a run never rebuilds under a developer's running portal.
      BUILD_DIR: process.env.BUILD_DIR ?? `.tmp/build-${E2E_PORT}`,
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: E2E_DATABASE_URL,
      PORT: String(E2E_PORT),
      PUBLIC_URL: E2E_URL,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      TRUST_PROXY: "1",
      // The account-wide login delay stays real but short: journeys fail logins on purpose.
      LOGIN_DELAY_BASE_MS: "5",
      SEED_DEMO: "1",
      GEOCODER_URL: geo.url,
      MAP_TILE_URL: `${geo.url}/tiles/{z}/{x}/{y}.png`,
      MAP_TILE_ATTRIBUTION: "© Tuiles de test",
      MEILI_HOST: "",
      MEILI_MASTER_KEY: "",
    },
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => {
    void geo.close();
    smtp.close(() => process.exit(code ?? 0));
  });
});
