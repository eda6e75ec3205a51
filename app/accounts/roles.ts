// Who may do what: the rules the guards in auth.server.ts enforce, kept pure so they are unit-tested.
export const ROLES = ["member", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: "Membre d'association",
  staff: "Instructeur·rice du CCAS",
  admin: "Administrateur·rice du CCAS",
};

type Actor = { role: Role } | null;
type MembershipView = { associationId: string; isRepresentative: boolean };

export const isStaff = (actor: Actor) => actor?.role === "staff" || actor?.role === "admin";
export const isAdmin = (actor: Actor) => actor?.role === "admin";

/** A member edits their own association's profile; staff never edit it for them. */
export function canEditAssociation(memberships: MembershipView[], associationId: string) {
  return memberships.some((m) => m.associationId === associationId);
}

/** Inviting members and signing on the association's behalf are the legal representative's. */
export function canActAsRepresentative(memberships: MembershipView[], associationId: string) {
  return memberships.some((m) => m.associationId === associationId && m.isRepresentative);
}

/** Only validated associations are public; members and staff see their pending or refused ones. */
export function canViewAssociation(actor: Actor, memberships: MembershipView[], association: { id: string; status: string }) {
  if (association.status === "validated") return true;
  if (isStaff(actor)) return true;
  return memberships.some((m) => m.associationId === association.id);
}
