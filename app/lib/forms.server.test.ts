import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError, notFoundError } from "./domain-error";
import { domainAction, domainLoader, UNKNOWN_INTENT_MESSAGE, unknownIntent } from "./forms.server";

const post = (fields: Record<string, string>) =>
  ({
    request: new Request("http://portail.test/x", { method: "POST", body: new URLSearchParams(fields) }),
    params: {},
    context: {},
  }) as ActionFunctionArgs;

// `data()` results: what the route answers, status and body.
const answer = (value: unknown) =>
  value as { init: { status: number }; data: { errors: Record<string, string>; values: Record<string, unknown>; formError?: string } };

describe("domainAction", () => {
  it("answers a refusal beside its field, with its status and what was typed (never a password)", async () => {
    const action = domainAction(async ({ request }: ActionFunctionArgs) => {
      await request.formData();
      throw new DomainError("Ce versement est déjà enregistré.", { field: "amount", status: 409, code: "already_paid" });
    });
    const result = answer(await action(post({ amount: "8 000", password: "secret" })));
    expect(result.init.status).toBe(409);
    expect(result.data.errors).toEqual({ amount: "Ce versement est déjà enregistré." });
    expect(result.data.values).toEqual({ amount: "8 000" });
  });

  it("shows the error page for a not-found refusal, and lets other errors through", async () => {
    await expect(domainAction(async () => Promise.reject(notFoundError()))(post({}))).rejects.toMatchObject({ init: { status: 404 } });
    await expect(domainAction(async () => Promise.reject(new TypeError("bug")))(post({}))).rejects.toBeInstanceOf(TypeError);
  });

  it("gives one answer to an unknown intent: the error page with its message", () => {
    expect(() => unknownIntent({ intent: "hack" })).toThrow(
      expect.objectContaining({ init: { status: 400 }, data: { message: UNKNOWN_INTENT_MESSAGE } }),
    );
  });
});

describe("domainLoader", () => {
  it("turns a refusal into the error page with its status", async () => {
    const loader = domainLoader(async () => Promise.reject(new DomainError("Pas à vous.", { status: 403 })));
    await expect(loader(post({}))).rejects.toMatchObject({ init: { status: 403 }, data: { message: "Pas à vous." } });
  });
});
