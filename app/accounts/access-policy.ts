// Who may use each route, loader (GET) and action (POST): the one table the access matrix
// (tests/access-matrix.ts, run by e2e/access-matrix.spec.ts and against two portal processes by
// tests/processes/two-portals.test.ts) holds every route of the build's manifest to. A route
// missing here fails that test, so a new route is declared before it ships.
//
// The fixture: association B owns one of everything (dossier, document, annotation, message,
// subsidy, convention, payment, report, registration, signature…); the actors are the public,
// a member of A, a member of B (not its representative), A's legal representative, a staff
// member assigned to B's call, and an administrator. Route parameters name B's records.

export const ACTORS = ["public", "memberA", "memberB", "repA", "staff", "admin"] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * ok: served (GET 200; POST any handled answer: 2xx, a redirect elsewhere than the login page,
 * 400/409/422/429 with messages); login: redirected to /connexion; redirect: sent elsewhere;
 * 403, 404, 405 (no action): those statuses. Never a 5xx.
 */
export type Outcome = "ok" | "login" | "redirect" | 403 | 404 | 405;
export type Expectation = Record<Actor, Outcome>;

const all = (outcome: Outcome): Expectation => ({
  public: outcome,
  memberA: outcome,
  memberB: outcome,
  repA: outcome,
  staff: outcome,
  admin: outcome,
});

export const RULES = {
  /** Anyone. */
  public: all("ok"),
  /** Only without a session (login, sign-up): signed-in people are sent to their space. */
  guestOnly: { public: "ok", memberA: "redirect", memberB: "redirect", repA: "redirect", staff: "redirect", admin: "redirect" },
  /** Any signed-in person. */
  user: { public: "login", memberA: "ok", memberB: "ok", repA: "ok", staff: "ok", admin: "ok" },
  /** The member space: staff without an association are sent to /instruction. */
  memberHome: { public: "login", memberA: "ok", memberB: "ok", repA: "ok", staff: "redirect", admin: "redirect" },
  /** B's own pages: its members only; everyone else is told it does not exist. */
  memberOfB: { public: "login", memberA: 404, memberB: "ok", repA: 404, staff: 404, admin: 404 },
  /** B's legal representative only (the member of B is not). */
  representativeOfB: { public: "login", memberA: 404, memberB: 403, repA: 404, staff: 404, admin: 404 },
  /** B's documents: its members and the CCAS staff. */
  documentOfB: { public: "login", memberA: 404, memberB: "ok", repA: 404, staff: "ok", admin: "ok" },
  /** CCAS staff and administrators. */
  staff: { public: "login", memberA: 403, memberB: 403, repA: 403, staff: "ok", admin: "ok" },
  /** CCAS administrators. */
  admin: { public: "login", memberA: 403, memberB: 403, repA: 403, staff: 403, admin: "ok" },
  /** A link carrying a token that is not valid: the same answer for everyone. */
  invalidTokenNotFound: all(404),
  noAction: all(405),
} satisfies Record<string, Expectation>;

export type RouteParams =
  | "associationB"
  | "associationSlugB"
  | "dossierB"
  | "submissionB"
  | "step"
  | "documentB"
  | "subsidyB"
  | "reportB"
  | "subsidyDocumentB"
  | "signatureB"
  | "call"
  | "callSlug"
  | "event"
  | "eventSlug"
  | "charterVersion"
  | "rnaImport"
  | "taxonomyKind"
  | "taxonomyTerm"
  | "invalidToken"
  | "opinionToken"
  | "opinionB"
  | "socialProject"
  | "networkPostB"
  | "conversationB"
  | "consultation"
  | "news";

export type RoutePolicy = {
  /** Which fixture record each URL parameter names. */
  params?: Record<string, RouteParams>;
  loader: Expectation;
  action: Expectation;
  /** Form fields the action needs to reach its access check (e.g. which call a new dossier is for). */
  probe?: Record<string, RouteParams>;
};

const page = (loader: Expectation, params?: RoutePolicy["params"]): RoutePolicy => ({ loader, action: RULES.noAction, params });
const form = (loader: Expectation, action: Expectation, params?: RoutePolicy["params"]): RoutePolicy => ({ loader, action, params });

const B = { associationId: "associationB" } as const;
const BD = { associationId: "associationB", dossierId: "dossierB" } as const;
const BS = { associationId: "associationB", subsidyId: "subsidyB" } as const;

/** Keyed by Remix route id (the file name under app/routes without its extension). */
export const ACCESS_POLICY: Record<string, RoutePolicy> = {
  root: page(RULES.public),
  "routes/_index": page(RULES.public),
  "routes/accessibilite": page(RULES.public),
  "routes/donnees-personnelles": page(RULES.public),
  "routes/healthz": page(RULES.public),
  "routes/annuaire._index": page(RULES.public),
  "routes/annuaire.$slug": page(RULES.public, { slug: "associationSlugB" }),
  // Writing to B from its directory page: members of another association; B's own members are
  // refused (403, own association), staff too (403: the messagerie links associations).
  "routes/annuaire.$slug_.contacter": form(
    { public: "login", memberA: "ok", memberB: 403, repA: "ok", staff: 403, admin: 403 },
    { public: "login", memberA: "ok", memberB: 403, repA: "ok", staff: 403, admin: 403 },
    { slug: "associationSlugB" },
  ),
  "routes/api.associations": page(RULES.public),
  "routes/api.fiches-rna": page(RULES.public),
  // The CCAS's logo (the access fixture makes sure there is one; 404 when none).
  "routes/logo": page(RULES.public),
  "routes/appels-a-projets._index": page(RULES.public),
  "routes/appels-a-projets.$slug": page(RULES.public, { slug: "callSlug" }),
  "routes/charte._index": page(RULES.public),
  "routes/charte.signataires": page(RULES.public),
  "routes/charte.versions._index": page(RULES.public),
  "routes/charte.versions.$number": page(RULES.public, { number: "charterVersion" }),
  "routes/donnees._index": page(RULES.public),
  "routes/financements": page(RULES.public),
  "routes/donnees.structures[.]json": page(RULES.public),
  "routes/donnees.structures[.]csv": page(RULES.public),
  "routes/donnees.services[.]json": page(RULES.public),
  "routes/donnees.services[.]csv": page(RULES.public),
  // 404 for everyone while the CCAS's SIRET is not configured: the matrix's fixture configures it.
  "routes/donnees.subventions[.]csv": page(RULES.public),
  "routes/evenements._index": page(RULES.public),
  "routes/evenements.archives": page(RULES.public),
  "routes/evenements.$slug_.calendrier[.]ics": page(RULES.public, { slug: "eventSlug" }),
  // Anyone may post a registration (public events take an e-mail address; for association
  // events the action checks membership of the association named in the form).
  "routes/evenements.$slug": form(RULES.public, RULES.public, { slug: "eventSlug" }),
  "routes/evenements.annulation.$token": form(RULES.invalidTokenNotFound, RULES.invalidTokenNotFound, { token: "invalidToken" }),
  "routes/evenements.confirmation.$token": form(RULES.invalidTokenNotFound, RULES.invalidTokenNotFound, { token: "invalidToken" }),

  "routes/connexion": form(RULES.guestOnly, RULES.public),
  "routes/inscription": form(RULES.guestOnly, RULES.public),
  "routes/inscription_.confirmer.$token": form(RULES.public, RULES.public, { token: "invalidToken" }),
  "routes/deconnexion": form(all("redirect"), all("ok")),
  "routes/mot-de-passe-oublie": form(RULES.public, RULES.public),
  "routes/mot-de-passe.$token": form(RULES.public, RULES.public, { token: "invalidToken" }),
  "routes/invitation.$token": form(RULES.invalidTokenNotFound, RULES.invalidTokenNotFound, { token: "invalidToken" }),
  // An expert's personal link (no account): the fixture's answered request on B's dossier, for anyone holding it.
  "routes/avis.$token": form(RULES.public, RULES.public, { token: "opinionToken" }),
  "routes/avis.$token.pieces.$documentId": page(RULES.public, { token: "opinionToken", documentId: "documentB" }),
  // The daily digest's unsubscribe link (signed, no login): an invalid one is refused the same way for everyone.
  "routes/instruction.resume.desabonnement.$token": form(RULES.invalidTokenNotFound, RULES.invalidTokenNotFound, { token: "invalidToken" }),
  "routes/desabonnement.$token": form(RULES.invalidTokenNotFound, RULES.invalidTokenNotFound, { token: "invalidToken" }),

  "routes/espace._index": page(RULES.memberHome),
  "routes/espace.compte": form(RULES.user, RULES.user),
  // The CCAS's published news (issue 18): any signed-in person; drafts answer 404.
  "routes/espace.actualites._index": page(RULES.user),
  "routes/espace.actualites.$newsId": page(RULES.user, { newsId: "news" }),
  "routes/espace.associations.$associationId.profil": form(RULES.memberOfB, RULES.memberOfB, B),
  "routes/espace.associations.$associationId.membres": form(RULES.memberOfB, RULES.representativeOfB, B),
  "routes/espace.associations.$associationId.donnees[.]zip": page(RULES.representativeOfB, B),
  "routes/espace.associations.$associationId.documents": form(RULES.memberOfB, RULES.memberOfB, B),
  "routes/espace.associations.$associationId.charte._index": form(RULES.memberOfB, RULES.representativeOfB, B),
  // The signature certificate: the association's members and the CCAS staff.
  "routes/espace.associations.$associationId.charte.attestation.$signatureId": page(RULES.documentOfB, { ...B, signatureId: "signatureB" }),
  "routes/espace.associations.$associationId.dossiers._index": page(RULES.memberOfB, B),
  // Without a call chosen, the page sends members back to their dossiers list.
  "routes/espace.associations.$associationId.dossiers.nouveau": {
    ...form({ ...RULES.memberOfB, memberB: "redirect" }, RULES.memberOfB, B),
    probe: { callId: "call" },
  },
  "routes/espace.associations.$associationId.dossiers.$dossierId._index": form(RULES.memberOfB, RULES.memberOfB, BD),
  "routes/espace.associations.$associationId.dossiers.$dossierId.$step": form(RULES.memberOfB, RULES.memberOfB, { ...BD, step: "step" }),
  "routes/espace.associations.$associationId.dossiers.$dossierId.messages": form(RULES.memberOfB, RULES.memberOfB, BD),
  // The two PDFs of one deposit of B's dossier (its attestation, the dossier as deposited).
  "routes/espace.associations.$associationId.dossiers.$dossierId.depots.$submissionId.attestation[.]pdf": page(RULES.memberOfB, {
    ...BD,
    submissionId: "submissionB",
  }),
  "routes/espace.associations.$associationId.dossiers.$dossierId.depots.$submissionId.dossier[.]pdf": page(RULES.memberOfB, {
    ...BD,
    submissionId: "submissionB",
  }),
  "routes/espace.associations.$associationId.inscriptions": form(RULES.memberOfB, RULES.memberOfB, B),
  // The messagerie between associations (issue 18): B's conversations, one of them with a third association.
  "routes/espace.associations.$associationId.messagerie._index": page(RULES.memberOfB, B),
  "routes/espace.associations.$associationId.messagerie.$conversationId": form(RULES.memberOfB, RULES.memberOfB, {
    ...B,
    conversationId: "conversationB",
  }),
  "routes/espace.associations.$associationId.subventions._index": page(RULES.memberOfB, B),
  "routes/espace.associations.$associationId.subventions.$subsidyId": {
    ...form(RULES.memberOfB, RULES.memberOfB, BS),
    probe: { reportId: "reportB" },
  },
  "routes/espace.associations.$associationId.subventions.$subsidyId.convention[.]pdf": page(RULES.memberOfB, BS),
  // Needs and offers of the network (issue 18): B's members see the network from B's space; B's post's page and editor.
  "routes/espace.associations.$associationId.reseau._index": page(RULES.memberOfB, B),
  "routes/espace.associations.$associationId.reseau.nouvelle": form(RULES.memberOfB, RULES.memberOfB, B),
  "routes/espace.associations.$associationId.reseau.$postId._index": form(RULES.memberOfB, RULES.memberOfB, {
    ...B,
    postId: "networkPostB",
  }),
  "routes/espace.associations.$associationId.reseau.$postId.modifier": form(RULES.memberOfB, RULES.memberOfB, {
    ...B,
    postId: "networkPostB",
  }),
  "routes/documents.$documentId": page(RULES.documentOfB, { documentId: "documentB" }),

  "routes/instruction._index": page(RULES.staff),
  "routes/instruction.dossiers._index": page(RULES.staff),
  "routes/instruction.dossiers.$dossierId": form(RULES.staff, RULES.staff, { dossierId: "dossierB" }),
  "routes/instruction.dossiers.$dossierId.avis.$opinionId": page(RULES.staff, { dossierId: "dossierB", opinionId: "opinionB" }),
  "routes/instruction.dossiers.$dossierId_.depots.$submissionId.attestation[.]pdf": page(RULES.staff, {
    dossierId: "dossierB",
    submissionId: "submissionB",
  }),
  "routes/instruction.dossiers.$dossierId_.depots.$submissionId.dossier[.]pdf": page(RULES.staff, {
    dossierId: "dossierB",
    submissionId: "submissionB",
  }),
  // The ZIP of a selection: a POST only (the staff of B's call get B's dossier).
  "routes/instruction.dossiers.archive[.]zip": {
    loader: { ...RULES.staff, staff: "redirect", admin: "redirect" },
    action: RULES.staff,
    probe: { dossierId: "dossierB" },
  },
  "routes/instruction.appels.$callId.classement": page(RULES.staff, { callId: "call" }),
  "routes/instruction.appels.$callId.export": page(RULES.staff, { callId: "call" }),
  // The call's reviewer groups: its reviewers read them and apply the rules again; administrators
  // manage them (a reviewer's post of a managing intent is refused with 403, tested in vitest).
  "routes/instruction.appels.$callId.groupes": form(RULES.staff, RULES.staff, { callId: "call" }),
  // The user's own saved filters of the queue.
  "routes/instruction.filtres": form(RULES.staff, RULES.staff),
  // A call's labels, its dossier table with bulk actions, the confirmation of bulk decisions, the selection's export.
  "routes/instruction.appels.$callId.etiquettes": form(RULES.staff, RULES.staff, { callId: "call" }),
  "routes/instruction.appels.$callId.dossiers": form(RULES.staff, RULES.staff, { callId: "call" }),
  "routes/instruction.appels.$callId.decisions": form(RULES.staff, RULES.staff, { callId: "call" }),
  "routes/instruction.appels.$callId.exporter-selection": form({ ...RULES.staff, staff: "redirect", admin: "redirect" }, RULES.staff, {
    callId: "call",
  }),
  // Without chosen columns the download sends staff back to the export form.
  "routes/instruction.appels.$callId.telecharger": page({ ...RULES.staff, staff: "redirect", admin: "redirect" }, { callId: "call" }),
  "routes/instruction.charte": form(RULES.staff, RULES.staff),
  // The network's moderation (reports, hiding posts) and a member's alerts on new posts.
  "routes/instruction.reseau": form(RULES.staff, RULES.staff),
  // Staff without an association are sent to /instruction (a redirect elsewhere: "ok" for a POST).
  "routes/espace.alertes": form(RULES.memberHome, RULES.user),
  "routes/instruction.evenements._index": page(RULES.staff),
  "routes/instruction.evenements.nouveau": form(RULES.staff, RULES.staff),
  "routes/instruction.evenements.$id._index": page(RULES.staff, { id: "event" }),
  "routes/instruction.evenements.$id.modifier": form(RULES.staff, RULES.staff, { id: "event" }),
  "routes/instruction.evenements.$id.accueil": form(RULES.staff, RULES.staff, { id: "event" }),
  "routes/instruction.evenements.$id.export": page(RULES.staff, { id: "event" }),
  "routes/instruction.subventions._index": page(RULES.staff),
  "routes/instruction.subventions.nouvelle": form(RULES.staff, RULES.staff),
  "routes/instruction.subventions.$subsidyId": form(RULES.staff, RULES.staff, { subsidyId: "subsidyB" }),
  "routes/instruction.subventions.$subsidyId.convention[.]pdf": page(RULES.staff, { subsidyId: "subsidyB" }),
  "routes/instruction.subventions.$subsidyId.documents.$documentId": page(RULES.staff, {
    subsidyId: "subsidyB",
    documentId: "subsidyDocumentB",
  }),
  "routes/instruction.subventions.export[.]csv": page(RULES.staff),
  "routes/instruction.subventions.export[.]xlsx": page(RULES.staff),
  // The steering dashboard (issue 17), its exports and the yearly report.
  "routes/instruction.pilotage._index": page(RULES.staff),
  "routes/instruction.pilotage.export[.]csv": page(RULES.staff),
  "routes/instruction.pilotage.export[.]xlsx": page(RULES.staff),
  "routes/instruction.pilotage.rapport[.]pdf": page(RULES.staff),
  // The news of the network (issue 18): written, published and e-mailed by the staff.
  "routes/instruction.actualites._index": page(RULES.staff),
  "routes/instruction.actualites.nouvelle": form(RULES.staff, RULES.staff),
  "routes/instruction.actualites.$newsId": form(RULES.staff, RULES.staff, { newsId: "news" }),

  // Consultations of the network (decision 033): staff build and read them, each association answers its own.
  "routes/instruction.consultations._index": page(RULES.staff),
  "routes/instruction.consultations.nouvelle": form(RULES.staff, RULES.staff),
  "routes/instruction.consultations.$id._index": form(RULES.staff, RULES.staff, { id: "consultation" }),
  "routes/instruction.consultations.$id.resultats": page(RULES.staff, { id: "consultation" }),
  "routes/instruction.consultations.$id.export[.]csv": page(RULES.staff, { id: "consultation" }),
  "routes/espace.associations.$associationId.consultations._index": page(RULES.memberOfB, B),
  "routes/espace.associations.$associationId.consultations.$consultationId": form(RULES.memberOfB, RULES.memberOfB, {
    ...B,
    consultationId: "consultation",
  }),

  "routes/admin._index": page(RULES.admin),
  "routes/admin.associations": form(RULES.admin, RULES.admin),
  "routes/admin.comptes": form(RULES.admin, RULES.admin),
  "routes/admin.courriels": page(RULES.admin),
  "routes/admin.charte": form(RULES.admin, RULES.admin),
  "routes/admin.appels._index": page(RULES.admin),
  "routes/admin.appels.nouveau": form(RULES.admin, RULES.admin),
  "routes/admin.appels.$callId": form(RULES.admin, RULES.admin, { callId: "call" }),
  "routes/admin.projet-social._index": form(RULES.admin, RULES.admin),
  "routes/admin.projet-social.$projectId": form(RULES.admin, RULES.admin, { projectId: "socialProject" }),
  "routes/admin.appels.$callId_.indicateurs": form(RULES.admin, RULES.admin, { callId: "call" }),
  "routes/admin.rna._index": form(RULES.admin, RULES.admin),
  "routes/admin.rna.$importId": form(RULES.admin, RULES.admin, { importId: "rnaImport" }),
  "routes/admin.rna.reprises": form(RULES.admin, RULES.admin),
  "routes/admin.parametres._index": page(RULES.admin),
  "routes/admin.parametres.identite": form(RULES.admin, RULES.admin),
  "routes/admin.parametres.territoire": form(RULES.admin, RULES.admin),
  "routes/admin.parametres.synonymes": form(RULES.admin, RULES.admin),
  "routes/admin.parametres.$kind._index": form(RULES.admin, RULES.admin, { kind: "taxonomyKind" }),
  "routes/admin.parametres.$kind.$slug._index": form(RULES.admin, RULES.admin, { kind: "taxonomyKind", slug: "taxonomyTerm" }),
  "routes/admin.parametres.$kind.$slug.retirer": form(RULES.admin, RULES.admin, { kind: "taxonomyKind", slug: "taxonomyTerm" }),
};
