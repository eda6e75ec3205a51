// Staff tools: check-in at the door, attendance figures and the exported lists.
import { describe, expect, it } from "vitest";
import { createEvent } from "../../prisma/factories/event";
import { memberOfNewAssociation, person } from "./test-support";

const { prisma } = await import("../db.server");
const events = {
  ...(await import("./registration.server")),
  ...(await import("./attendance.server")),
  ...(await import("./exports.server")),
};

describe("staff tools", () => {
  it("checks people in, counts attendance and exports the lists", async () => {
    const event = await createEvent(prisma, { capacity: 2, title: "Formation droits" });
    const a = await memberOfNewAssociation(prisma);
    const [r1, r2, r3] = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person("x"), person("x"), person("x")],
    });
    expect(await events.setCheckIn(event.id, r1.id, true)).toBe(true);
    expect(await events.setCheckIn(event.id, r3.id, true)).toBe(false); // waiting list: not at the door
    const figures = await events.attendanceFigures(event.id);
    expect(figures).toMatchObject({ confirmed: 2, present: 1, absent: 1, waiting: 1, rate: 50, associationsPresent: 1 });
    const found = await events.searchForCheckIn(event.id, r2.name.toUpperCase());
    expect(found.map((f) => f.id)).toEqual([r2.id]);
    const csv = await events.exportCsv(event.id);
    const { parse } = await import("csv-parse/sync");
    const rows = parse(csv, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Nom).sort()).toEqual([r1.name, r2.name, r3.name].sort());
    expect(rows.find((r) => r.Nom === r3.name)?.["Position en liste d'attente"]).toBe("1");
    expect(rows.find((r) => r.Nom === r1.name)?.["Présent·e"]).toMatch(/^oui/);
    const xlsx = await events.exportXlsx(event.id, event.title);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    const names = wb.getWorksheet("Inscrits")!.getColumn(3).values.slice(3);
    expect((names as string[]).sort()).toEqual([r1.name, r2.name, r3.name].sort());
  });
});
