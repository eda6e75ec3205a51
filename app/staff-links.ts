// The staff home's cards; each domain adds its own.
export type StaffLink = { href: string; title: string; description: string; action: string };

export const STAFF_LINKS: StaffLink[] = [
  { href: "/instruction/charte", title: "Signatures de la charte", description: "Qui a signé quelle version, qui doit encore signer ; relances.", action: "Suivre les signatures" },
];
