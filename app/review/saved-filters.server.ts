// A reviewer's saved filters of the queue: a name and the query string, re-read before it is
// stored so that only the queue's known parameters are kept. Per user, names unique per user.
import { prisma, writeTransaction } from "~/db.server";
import { notFoundError } from "~/lib/domain-error";
import { reviewRefusal, type Actor } from "./access.server";
import { normaliseQueueQuery } from "./queue-query";
import { MAX_SAVED_FILTERS } from "./routing-schemas";

export function listSavedFilters(user: Pick<Actor, "id">) {
  return prisma.savedFilter.findMany({
    where: { userId: user.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

export async function saveFilter(user: Pick<Actor, "id">, input: { name: string; query: string }) {
  const query = normaliseQueueQuery(input.query);
  return writeTransaction(async (tx) => {
    // In the write transaction (which holds the write lock): no other save slips between the checks and the insert.
    const clash = await tx.savedFilter.findUnique({ where: { userId_name: { userId: user.id, name: input.name } }, select: { id: true } });
    if (clash)
      throw reviewRefusal(`Vous avez déjà un filtre nommé « ${input.name} » : choisissez un autre nom.`, {
        field: "name",
        code: "name_taken",
      });
    const count = await tx.savedFilter.count({ where: { userId: user.id } });
    if (count >= MAX_SAVED_FILTERS)
      throw reviewRefusal(`Vous avez déjà ${MAX_SAVED_FILTERS} filtres enregistrés : supprimez-en un avant d'en ajouter un autre.`, {
        field: "name",
        code: "too_many_filters",
      });
    return tx.savedFilter.create({ data: { userId: user.id, name: input.name, query }, select: { id: true, name: true, query: true } });
  });
}

/** Only the user's own filter; another's is "not found". */
export async function deleteSavedFilter(user: Pick<Actor, "id">, filterId: string) {
  return writeTransaction(async (tx) => {
    const filter = await tx.savedFilter.findFirst({ where: { id: filterId, userId: user.id }, select: { id: true, name: true } });
    if (!filter) throw notFoundError("Ce filtre n'existe pas (ou plus).");
    await tx.savedFilter.delete({ where: { id: filter.id } });
    return filter;
  });
}
