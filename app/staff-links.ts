// The staff home's cards; each domain adds its own.
export type StaffLink = { href: string; title: string; description: string; action: string };

export const STAFF_LINKS: StaffLink[] = [];
