import { describe, expect, it } from "vitest";
import { canActAsRepresentative, canEditAssociation, canViewAssociation, isAdmin, isStaff } from "./roles";

const memberOfA = [{ associationId: "A", isRepresentative: false }];
const representativeOfA = [{ associationId: "A", isRepresentative: true }];

describe("permission rules", () => {
  it("lets members edit only their own association", () => {
    expect(canEditAssociation(memberOfA, "A")).toBe(true);
    expect(canEditAssociation(memberOfA, "B")).toBe(false);
    expect(canEditAssociation([], "A")).toBe(false);
  });
  it("keeps representative actions to the representative of that association", () => {
    expect(canActAsRepresentative(memberOfA, "A")).toBe(false);
    expect(canActAsRepresentative(representativeOfA, "A")).toBe(true);
    expect(canActAsRepresentative(representativeOfA, "B")).toBe(false);
  });
  it("shows pending associations only to their members and to staff", () => {
    const pendingA = { id: "A", status: "pending" };
    expect(canViewAssociation(null, [], pendingA)).toBe(false);
    expect(canViewAssociation({ role: "member" }, memberOfA, pendingA)).toBe(true);
    expect(canViewAssociation({ role: "member" }, [{ associationId: "B", isRepresentative: true }], pendingA)).toBe(false);
    expect(canViewAssociation({ role: "staff" }, [], pendingA)).toBe(true);
    expect(canViewAssociation(null, [], { id: "A", status: "validated" })).toBe(true);
  });
  it("tells staff and administrators apart", () => {
    expect(isStaff({ role: "staff" })).toBe(true);
    expect(isStaff({ role: "admin" })).toBe(true);
    expect(isStaff({ role: "member" })).toBe(false);
    expect(isStaff(null)).toBe(false);
    expect(isAdmin({ role: "staff" })).toBe(false);
    expect(isAdmin({ role: "admin" })).toBe(true);
  });
});
