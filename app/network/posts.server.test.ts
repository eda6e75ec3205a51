// Needs and offers on a real SQLite database: what the network lists (open, not hidden, not past
// its last day, other associations' only, filters, pages), a post's page for its author and for
// the others, answers as relayed messages, fulfilling, the archiving job and the retention purge.
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { strFromU8, unzipSync } from "fflate";
import { createAssociation } from "../../prisma/factories/association";
import { createNetworkPost } from "../../prisma/factories/network";
import { addMembership, createUser } from "../../prisma/factories/user";
import { MESSAGE_LIMITS } from "./conversations.server";
import { POST_LIMITS, addDays, dayToDate, formatDay, parisToday } from "./post-labels";
import { postSchema, readFilters } from "./post-schemas";

const { prisma } = await import("../db.server");
const { answerPost, answersTo, listOpenPosts, listOwnPosts, markPostFulfilled, publishPost, readPost, updatePost } =
  await import("./posts.server");
const { archiveExpiredPosts, purgeClosedPosts } = await import("./post-lifecycle.server");
const { exportAssociationData, retentionCleanup } = await import("../accounts/personal-data.server");
const { PostDetails } = await import("./post-page");

const DAY = 24 * 3600_000;
/** Today + n days in Paris, as posts store their last day (the factory's helper counts UTC days). */
const parisDay = (n: number) => dayToDate(addDays(parisToday(), n));

async function member(status: "validated" | "pending" = "validated") {
  const association = await createAssociation(prisma, { status });
  const user = await createUser(prisma);
  await addMembership(prisma, user.id, association.id, true);
  return { association, user };
}

const token = () => `jeton${randomBytes(4).toString("hex")}`;
const filters = (q: string, more: Record<string, string> = {}) => readFilters(new URLSearchParams({ q, ...more }));

const choices = {
  field: [{ slug: "aide-alimentaire", label: "Aide alimentaire" }],
  district: [{ slug: "planoise", label: "Planoise" }],
};
const input = (over: Record<string, unknown> = {}) =>
  postSchema(choices).parse({
    kind: "besoin",
    category: "benevoles",
    title: "Deux bénévoles",
    body: "Le samedi matin.",
    fieldSlug: "aide-alimentaire",
    districtSlug: "planoise",
    endsOn: addDays(parisToday(), 10),
    ...over,
  });

describe("the post form", () => {
  it("answers in French, beside each field", () => {
    const result = postSchema(choices).safeParse({ kind: "besoin", category: "benevoles", title: " ", body: "", endsOn: "2027-02-30" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.title).toBe("Titre : ce champ est obligatoire.");
    expect(messages.body).toBe("Description : ce champ est obligatoire.");
    expect(messages.fieldSlug).toBe("Champ d'intervention : choisissez un champ.");
    expect(messages.endsOn).toBe("Dernier jour : cette date n'existe pas.");
  });

  it("takes a last day from today to one year ahead, no more, no less", () => {
    const today = parisToday();
    const endsOn = (day: string) => postSchema(choices).safeParse({ ...input(), endsOn: day });
    expect(endsOn(today).success).toBe(true);
    expect(endsOn(addDays(today, POST_LIMITS.maxDaysAhead)).success).toBe(true);
    expect(endsOn(addDays(today, -1)).error?.issues[0].message).toBe("Dernier jour : choisissez aujourd'hui ou une date à venir.");
    expect(endsOn(addDays(today, POST_LIMITS.maxDaysAhead + 1)).error?.issues[0].message).toMatch(/^Dernier jour : au plus tard le /);
  });

  it("refuses a title longer than 120 characters, a formula-like one and an unknown district", () => {
    const parse = (over: Record<string, unknown>) => postSchema(choices).safeParse({ ...input(), ...over });
    expect(parse({ title: "x".repeat(121) }).error?.issues[0].message).toBe("Titre : 120 caractères au maximum.");
    expect(parse({ title: "=HYPERLINK(1)" }).success).toBe(false);
    expect(parse({ districtSlug: "ailleurs" }).error?.issues[0].message).toBe("Quartier : choisissez un quartier.");
  });

  it("lets an answer be as long as a relayed message may be", () => {
    expect(POST_LIMITS.answerMax).toBe(MESSAGE_LIMITS.bodyMax);
  });

  it("writes calendar days the French way", () => {
    expect(formatDay(new Date("2026-12-01T00:00:00Z"))).toBe("1er décembre 2026");
    expect(formatDay("2027-01-15T00:00:00.000Z")).toBe("15 janvier 2027");
  });

  it("ignores filters it does not know instead of failing", () => {
    expect(readFilters(new URLSearchParams("type=autre&categorie=x&page=-3&q=" + "a".repeat(500)))).toEqual({
      kind: undefined,
      category: undefined,
      field: undefined,
      district: undefined,
      q: "a".repeat(POST_LIMITS.queryMax),
      page: 1,
    });
  });
});

describe("the network's open posts", () => {
  it("lists other associations' open posts newest first, filtered, without case or accents", async () => {
    const viewer = await member();
    const a = await member();
    const t = token();
    const older = await createNetworkPost(prisma, a.association.id, {
      title: `Bénévoles ${t}`,
      kind: "besoin",
      category: "benevoles",
      createdAt: new Date(Date.now() - 2 * DAY),
    });
    const newer = await createNetworkPost(prisma, a.association.id, {
      title: `Locaux ${t}`,
      kind: "offre",
      category: "locaux",
      districtSlug: "toute-la-ville",
      body: "Une salle équipée",
    });
    const own = await createNetworkPost(prisma, viewer.association.id, { title: `Le nôtre ${t}` });

    const all = await listOpenPosts(viewer.association.id, filters(t));
    expect(all.posts.map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(all.posts.map((p) => p.id)).not.toContain(own.id);
    expect((await listOpenPosts(viewer.association.id, filters(t, { type: "offre" }))).posts.map((p) => p.id)).toEqual([newer.id]);
    expect((await listOpenPosts(viewer.association.id, filters(t, { categorie: "benevoles" }))).posts.map((p) => p.id)).toEqual([older.id]);
    expect((await listOpenPosts(viewer.association.id, filters(t, { quartier: "toute-la-ville" }))).posts.map((p) => p.id)).toEqual([
      newer.id,
    ]);
    expect((await listOpenPosts(viewer.association.id, filters(`${t.toUpperCase()} EQUIPEE`))).posts.map((p) => p.id)).toEqual([newer.id]);
    expect((await listOpenPosts(viewer.association.id, filters(`benevoles ${t}`))).posts.map((p) => p.id)).toEqual([older.id]);
    expect((await listOpenPosts(viewer.association.id, filters(t, { champ: "sante" }))).total).toBe(0);
  });

  it("pages the list", async () => {
    const viewer = await member();
    const a = await member();
    const t = token();
    for (let i = 0; i < POST_LIMITS.pageSize + 2; i += 1)
      await createNetworkPost(prisma, a.association.id, { title: `Annonce ${i} ${t}`, createdAt: new Date(Date.now() - i * 60_000) });
    const first = await listOpenPosts(viewer.association.id, filters(t));
    const second = await listOpenPosts(viewer.association.id, filters(t, { page: "2" }));
    expect(first.total).toBe(POST_LIMITS.pageSize + 2);
    expect(first.pages).toBe(2);
    expect(first.posts).toHaveLength(POST_LIMITS.pageSize);
    expect(second.posts.map((p) => p.title)).toEqual([`Annonce ${POST_LIMITS.pageSize} ${t}`, `Annonce ${POST_LIMITS.pageSize + 1} ${t}`]);
  });

  it("never lists a post past its last day, a hidden one, a fulfilled one or one of an association not validated", async () => {
    const viewer = await member();
    const a = await member();
    const pending = await member("pending");
    const t = token();
    const open = await createNetworkPost(prisma, a.association.id, { title: `Ouverte ${t}`, endsOn: parisDay(0) });
    await createNetworkPost(prisma, a.association.id, { title: `Échue ${t}`, endsOn: parisDay(-1) });
    const hidden = await createNetworkPost(prisma, a.association.id, { title: `Masquée ${t}` });
    await prisma.networkPost.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "Hors sujet" } });
    const fulfilled = await createNetworkPost(prisma, a.association.id, { title: `Pourvue ${t}` });
    await markPostFulfilled(a.association.id, fulfilled.id, a.user.id);
    await createNetworkPost(prisma, pending.association.id, { title: `En attente ${t}` });
    expect((await listOpenPosts(viewer.association.id, filters(t))).posts.map((p) => p.id)).toEqual([open.id]);
  });
});

describe("a post's page and its answers", () => {
  it("publishes for a validated association only, and shows the author every state of its own posts", async () => {
    const a = await member();
    const post = await publishPost(a.association.id, a.user.id, input({ title: "Un congélateur" }));
    expect((await listOwnPosts(a.association.id)).map((p) => p.title)).toEqual(["Un congélateur"]);
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: a.association.id, action: "network_post_published" } });
    expect(audit?.comment).toContain(post.id);

    const pending = await member("pending");
    await expect(publishPost(pending.association.id, pending.user.id, input())).rejects.toMatchObject({
      code: "not_validated",
      status: 403,
    });
  });

  it("sends an answer as a relayed message and lists it for the author, with a link to the conversation", async () => {
    const author = await member();
    const answering = await member();
    const post = await publishPost(author.association.id, author.user.id, input({ title: "Dix chaises" }));
    const { conversationId } = await answerPost({
      associationId: answering.association.id,
      postId: post.id,
      authorId: answering.user.id,
      body: "Nous pouvons vous en prêter huit.",
    });
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation).toMatchObject({
      postId: post.id,
      fromAssociationId: answering.association.id,
      toAssociationId: author.association.id,
      subject: "Dix chaises",
    });
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: author.user.email } });
    expect(mail.text).toContain("Nous pouvons vous en prêter huit.");
    const answers = await answersTo(author.association.id, post.id);
    expect(answers).toMatchObject([
      {
        id: conversationId,
        associationName: answering.association.name,
        href: `/espace/associations/${author.association.id}/messagerie/${conversationId}`,
      },
    ]);
    // Another association's view of the same post does not list the answers.
    expect(await answersTo(answering.association.id, post.id)).toEqual([]);
    await expect(
      answerPost({ associationId: author.association.id, postId: post.id, authorId: author.user.id, body: "À moi-même" }),
    ).rejects.toMatchObject({ code: "not_answerable" });
  });

  it("closes a fulfilled post: no more answers, no more changes, shown read-only to the others", async () => {
    const author = await member();
    const other = await member();
    const post = await publishPost(author.association.id, author.user.id, input());
    await markPostFulfilled(author.association.id, post.id, author.user.id);
    const seen = await readPost(other.association.id, post.id);
    expect(seen).toMatchObject({ own: false, isOpen: false, canAnswer: false, post: { status: "fulfilled" } });
    await expect(
      answerPost({ associationId: other.association.id, postId: post.id, authorId: other.user.id, body: "Encore ?" }),
    ).rejects.toMatchObject({
      code: "not_answerable",
    });
    await expect(updatePost(author.association.id, post.id, author.user.id, input())).rejects.toMatchObject({
      code: "closed",
      status: 409,
    });
    await expect(markPostFulfilled(author.association.id, post.id, author.user.id)).rejects.toMatchObject({ code: "closed" });
    // Another association cannot change it either (it is not theirs).
    await expect(markPostFulfilled(other.association.id, post.id, other.user.id)).rejects.toMatchObject({ status: 404 });
  });

  it("hides a hidden post from the others (404) and shows its author the CCAS's reason", async () => {
    const author = await member();
    const other = await member();
    const post = await createNetworkPost(prisma, author.association.id);
    await prisma.networkPost.update({ where: { id: post.id }, data: { hiddenAt: new Date(), hiddenReason: "Coordonnées personnelles" } });
    await expect(readPost(other.association.id, post.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      answerPost({ associationId: other.association.id, postId: post.id, authorId: other.user.id, body: "Bonjour" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    const own = await readPost(author.association.id, post.id);
    expect(own).toMatchObject({ own: true, canEdit: false, post: { hiddenReason: "Coordonnées personnelles" } });
    expect((await listOwnPosts(author.association.id))[0].hiddenReason).toBe("Coordonnées personnelles");
  });

  it("does not let an answer reach a post past its last day, before the job archives it", async () => {
    const author = await member();
    const other = await member();
    const post = await createNetworkPost(prisma, author.association.id, { endsOn: parisDay(-1) });
    expect(await readPost(other.association.id, post.id)).toMatchObject({ canAnswer: false });
    await expect(
      answerPost({ associationId: other.association.id, postId: post.id, authorId: other.user.id, body: "Trop tard ?" }),
    ).rejects.toMatchObject({
      code: "not_answerable",
    });
  });

  it("renders hostile titles and bodies as text", () => {
    const html = renderToStaticMarkup(
      createElement(PostDetails, {
        today: parisToday(),
        own: false,
        post: {
          kind: "besoin",
          category: "benevoles",
          title: "<script>alert(1)</script>",
          body: '<img src=x onerror="alert(2)">',
          endsOn: parisDay(3),
          status: "open",
          hiddenAt: null,
          hiddenReason: null,
          fulfilledAt: null,
          createdAt: new Date(),
          fieldLabel: "Aide alimentaire",
          districtLabel: "Planoise",
          association: { name: "<b>Asso</b>", slug: "asso" },
        },
      }),
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain("&lt;b&gt;Asso&lt;/b&gt;");
  });
});

describe("the end of posts", () => {
  it("archives the open posts past their last day, once", async () => {
    const a = await member();
    const past = await createNetworkPost(prisma, a.association.id, { endsOn: parisDay(-1) });
    const today = await createNetworkPost(prisma, a.association.id, { endsOn: parisDay(0) });
    expect(await archiveExpiredPosts()).toBeGreaterThanOrEqual(1);
    expect(await prisma.networkPost.findUniqueOrThrow({ where: { id: past.id } })).toMatchObject({ status: "archived" });
    expect((await prisma.networkPost.findUniqueOrThrow({ where: { id: past.id } })).archivedAt).not.toBeNull();
    expect(await prisma.networkPost.findUniqueOrThrow({ where: { id: today.id } })).toMatchObject({ status: "open", archivedAt: null });
    expect(await archiveExpiredPosts()).toBe(0);
  });

  it("deletes the posts closed more than a year ago, through the retention cleanup, and keeps their conversations", async () => {
    const author = await member();
    const other = await member();
    const old = await createNetworkPost(prisma, author.association.id);
    const { conversationId } = await answerPost({
      associationId: other.association.id,
      postId: old.id,
      authorId: other.user.id,
      body: "Réponse ancienne",
    });
    await prisma.networkPost.update({
      where: { id: old.id },
      data: { status: "fulfilled", fulfilledAt: new Date(Date.now() - 366 * DAY) },
    });
    const recent = await createNetworkPost(prisma, author.association.id);
    await prisma.networkPost.update({
      where: { id: recent.id },
      data: { status: "archived", archivedAt: new Date(Date.now() - 300 * DAY) },
    });
    const open = await createNetworkPost(prisma, author.association.id, { createdAt: new Date(Date.now() - 400 * DAY) });

    expect((await retentionCleanup()).networkPosts).toBeGreaterThanOrEqual(1);
    expect(await prisma.networkPost.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await prisma.networkPost.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await prisma.networkPost.findUnique({ where: { id: open.id } })).not.toBeNull();
    expect(await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ postId: null });
    expect(await purgeClosedPosts()).toBe(0);
  });

  it("puts the association's posts in its data export, not the others'", async () => {
    const a = await member();
    const b = await member();
    await createNetworkPost(prisma, a.association.id, { title: "Notre besoin exporté" });
    await createNetworkPost(prisma, b.association.id, { title: "Le besoin d'une autre" });
    const files = unzipSync(await exportAssociationData(a.association.id));
    const posts = JSON.parse(strFromU8(files["reseau-annonces.json"])) as { title: string }[];
    expect(posts.map((p) => p.title)).toEqual(["Notre besoin exporté"]);
  });
});
