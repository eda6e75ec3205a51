// Which associations the public directory shows — its pages, its database fallback and the search
// index alike: validated by the CCAS (or imported from the RNA) and not dissolved.
import type { Prisma } from "~/generated/prisma/client";

export const IN_DIRECTORY = { status: "validated", dissolvedAt: null } as const satisfies Prisma.AssociationWhereInput;

/**
 * Members of the network: in the directory, less the entries imported from the RNA that nobody has
 * claimed yet (listed for the public, but they sign nothing and are granted nothing).
 */
export const IN_NETWORK = {
  ...IN_DIRECTORY,
  NOT: { source: "rna", memberships: { none: {} } },
} as const satisfies Prisma.AssociationWhereInput;
