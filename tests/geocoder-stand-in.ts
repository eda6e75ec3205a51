// A real HTTP server answering as the Base Adresse Nationale's /search/ does, for tests and journeys:
// each request goes to `answer`, which says what to send back (or to wait, for timeouts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type StandInAnswer =
  { status?: number; json: unknown; delayMs?: number } | { status?: number; raw: string | Buffer; contentType?: string; delayMs?: number };

export type StandInHandler = (url: URL, request: IncomingMessage) => StandInAnswer | undefined;

/** A BAN-shaped answer holding one match (or none when `match` is undefined). */
export function banAnswer(match?: { latitude: number; longitude: number; label: string; score: number }) {
  return {
    type: "FeatureCollection",
    version: "draft",
    features: match
      ? [
          {
            type: "Feature",
            geometry: { type: "Point", coordinates: [match.longitude, match.latitude] },
            properties: { label: match.label, score: match.score, type: "housenumber" },
          },
        ]
      : [],
  };
}

export type StandIn = { url: string; requests: URL[]; close: () => Promise<void> };

/** Starts the stand-in on a free port of 127.0.0.1; `requests` records every URL asked for. */
export async function startStandIn(handler: StandInHandler): Promise<StandIn> {
  const requests: URL[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    requests.push(url);
    const answer = handler(url, request) ?? { status: 404, json: { error: "introuvable" } };
    const send = () => {
      if (response.destroyed) return;
      if ("json" in answer) {
        response.writeHead(answer.status ?? 200, { "Content-Type": "application/json" });
        response.end(JSON.stringify(answer.json));
      } else {
        response.writeHead(answer.status ?? 200, { "Content-Type": answer.contentType ?? "application/json" });
        response.end(answer.raw);
      }
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
